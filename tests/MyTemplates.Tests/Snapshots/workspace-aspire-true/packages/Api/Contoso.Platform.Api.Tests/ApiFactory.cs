using Contoso.Platform.Core.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Contoso.Platform.Api.Tests;

/// <summary>The whole app over HTTP, on a database of its own that is created before and deleted after the tests that share it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;
    private string? connectionString;
    private bool migrateOnStartup = true;

    /// <summary>The app's database, for tests that look at what a request stored.</summary>
    public TestDatabase Database => database ?? throw new InvalidOperationException("The factory has no database before InitializeAsync.");

    public async ValueTask InitializeAsync() => database ??= connectionString is null ? await TestDatabase.CreateAsync() : null;

    /// <summary>
    /// The app on a database the test prepared (e.g. one not migrated yet), with or without start-up
    /// migrations; the factory deletes the database on dispose.
    /// </summary>
    public static ApiFactory On(TestDatabase database, bool migrateOnStartup) =>
        new() { database = database, migrateOnStartup = migrateOnStartup };

    /// <summary>The app on a connection string the test chose (e.g. a server that does not answer); there is nothing to delete.</summary>
    public static ApiFactory On(string connectionString, bool migrateOnStartup) =>
        new() { connectionString = connectionString, migrateOnStartup = migrateOnStartup };

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString ?? database?.ConnectionString
                ?? throw new InvalidOperationException("InitializeAsync or On(…) gives the app its database before it starts."),
            ["Database:MigrateOnStartup"] = migrateOnStartup.ToString(),
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
