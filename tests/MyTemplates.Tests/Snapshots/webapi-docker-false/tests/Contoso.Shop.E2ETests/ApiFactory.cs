using System.Diagnostics;
using System.Net;
using Contoso.Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Contoso.Shop.E2ETests;

/// <summary>The whole app over HTTP, on a database of its own that is created before and deleted after the tests that share it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;

    public async ValueTask InitializeAsync()
    {
        database ??= await TestDatabase.CreateAsync();
        await WaitUntilReadyAsync();
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

    /// <summary>Start-up migrations run in the background: like a load balancer, the tests wait for <c>/health/ready</c>.</summary>
    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var waited = Stopwatch.StartNew();
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("/health/ready did not answer 200 within 30 seconds.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
