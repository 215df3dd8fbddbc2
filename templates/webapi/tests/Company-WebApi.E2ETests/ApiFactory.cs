using Company.WebApi.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Company.WebApi.E2ETests;

/// <summary>The whole app over HTTP, on a database of its own that is created before and deleted after the tests that share it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;
    private string? connectionString;
    private bool migrateOnStartup = true;

    public async ValueTask InitializeAsync() => database ??= connectionString is null ? await TestDatabase.CreateAsync() : null;

    /// <summary>The app's connection string.</summary>
    public string ConnectionString => connectionString ?? database?.ConnectionString
        ?? throw new InvalidOperationException("InitializeAsync or On(…) gives the app its database before it starts.");

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
            ["ConnectionStrings:Default"] = ConnectionString,
            ["Database:MigrateOnStartup"] = migrateOnStartup.ToString(),
#if (UseJwt)
        }.Concat(TestTokens.Settings)));
#else
        }));
#endif
#if (UseJwt)

    /// <summary>A client that sends a valid bearer token, as one from <c>dotnet user-jwts</c> would be.</summary>
    public HttpClient CreateAuthenticatedClient() => AuthenticateClient(CreateClient());

    /// <summary><paramref name="client"/> (of this app, or of one derived from it) sending a valid bearer token for <paramref name="subject"/>.</summary>
    public static HttpClient AuthenticateClient(HttpClient client, string subject = "e2e-user")
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(subject));
        return client;
    }
#endif

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
