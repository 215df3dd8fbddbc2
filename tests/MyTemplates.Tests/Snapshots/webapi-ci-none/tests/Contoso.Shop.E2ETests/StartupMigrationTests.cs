using System.Net;
using System.Net.Http.Json;
using Contoso.Shop.TestSupport;

namespace Contoso.Shop.E2ETests;

/// <summary>The server listens while start-up migrations run; nothing that needs the database fails meanwhile.</summary>
public sealed class StartupMigrationTests
{
    [Fact]
    public async Task Until_migrations_are_applied_ready_is_503_and_requests_wait_then_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateEmptyAsync(ct);
        await using var factory = ApiFactory.On(database);
        await using var migrations = await database.BlockMigrationsAsync(ct);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", ct)).StatusCode);
        var create = client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
        await Task.Delay(TimeSpan.FromMilliseconds(300), ct);
        Assert.False(create.IsCompleted, "A request that needs the database answered before its tables existed.");

        await migrations.DisposeAsync();

        Assert.Equal(HttpStatusCode.Created, (await create).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
    }
}
