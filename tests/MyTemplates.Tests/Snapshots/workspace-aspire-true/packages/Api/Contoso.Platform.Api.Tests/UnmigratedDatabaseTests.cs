using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contoso.Platform.Core.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Api.Tests;

/// <summary>
/// Migrations are a deployment step outside start-up: until they are applied the app is live but
/// not ready, and a request that needs the missing tables is a 503 problem, not a 500.
/// </summary>
public sealed class UnmigratedDatabaseTests
{
    [Fact]
    public async Task Until_migrations_are_applied_ready_and_requests_are_503_then_they_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await TestDatabase.CreateEmptyAsync(ct);
        await using var factory = ApiFactory.On(database, migrateOnStartup: false);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", ct)).StatusCode);
        var refused = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("status").GetInt32());

        await using (var db = database.CreateDbContext())
        {
            await db.Database.MigrateAsync(ct); // what the migration bundle does in a deployment
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct)).StatusCode);
    }
}
