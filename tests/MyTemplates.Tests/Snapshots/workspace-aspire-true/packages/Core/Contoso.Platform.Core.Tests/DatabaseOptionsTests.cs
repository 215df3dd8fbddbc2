using Contoso.Platform.Core.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Contoso.Platform.Core.Tests;

/// <summary>
/// The SQLite file the API and the workers share: each resolves a relative path against its own working folder, so
/// outside Development start-up refuses one, naming the setting, instead of letting each process open a file of its own.
/// </summary>
public sealed class DatabaseOptionsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_relative_file_is_refused_outside_development_by_name(string environment)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(environment, "Data Source=app.db"));

        Assert.Contains("ConnectionStrings:Default", error.Message, StringComparison.Ordinal);
        Assert.Contains("absolute path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_file_is_taken_outside_development()
    {
        var file = Path.Combine(Path.GetTempPath(), "app.db");

        Assert.Equal($"Data Source={file}", Bind("Production", $"Data Source={file}").ConnectionString);
    }

    [Fact]
    public void A_relative_file_is_taken_in_development() =>
        Assert.Equal("Data Source=../../../app.db", Bind("Development", "Data Source=../../../app.db").ConnectionString);

    [Theory]
    [InlineData("Data Source=/var/lib/app/app.db", true)]
    [InlineData("Data Source=:memory:", true)]
    [InlineData("Data Source=shared;Mode=Memory;Cache=Shared", true)]
    [InlineData("Data Source=app.db", false)]
    [InlineData("Data Source=./data/app.db", false)]
    [InlineData("Data Source=../../../app.db", false)]
    public void An_absolute_path_or_memory_names_one_database_for_every_process(string connectionString, bool absolute) =>
        Assert.Equal(absolute, DatabaseOptions.NamesFileByAbsolutePath(connectionString));

    private static DatabaseOptions Bind(string environment, string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString });
        builder.AddCoreSettings();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    }
}
