using Contoso.Shop.Db;
using Contoso.Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Shop.E2ETests;

/// <summary>The whole app over HTTP, on a database of its own that is created before and deleted after the tests that share it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public async ValueTask InitializeAsync()
    {
        database ??= await TestDatabase.CreateAsync();

        // Start-up migrations run in the background: the tests start once they are applied.
        await Services.GetRequiredService<DatabaseMigrator>().WaitUntilReadyAsync(CancellationToken.None);
    }

    /// <summary>The app on a database the test prepared (e.g. one not migrated yet); the factory deletes it on dispose.</summary>
    public static ApiFactory On(TestDatabase database) => new() { database = database };

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database?.ConnectionString
                ?? throw new InvalidOperationException("InitializeAsync or On(database) gives the app its database before it starts."),
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
