using Contoso.Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Contoso.Shop.E2ETests;

/// <summary>The whole app over HTTP, on a database of its own that is created before and deleted after the tests that share it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database?.ConnectionString
                ?? throw new InvalidOperationException("InitializeAsync creates the database before the app starts."),
            ["Database:MigrateOnStartup"] = "true",
        }));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
