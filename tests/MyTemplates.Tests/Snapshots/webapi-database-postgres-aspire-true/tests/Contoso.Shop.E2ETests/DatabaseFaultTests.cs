using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Contoso.Shop.TestSupport;
using Npgsql;

namespace Contoso.Shop.E2ETests;

/// <summary>
/// A database that restarts or goes away: the app retries what failed on a dropped connection, and answers 503
/// problem details with Retry-After (never a 500) while the database stays away.
/// </summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task Connections_the_server_dropped_as_in_a_restart_are_retried_so_writes_still_succeed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new ApiFactory();
        await factory.InitializeAsync();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct)).StatusCode);

        // What a restart does to the app's pooled connections: the server ends every one of them.
        Assert.NotEqual(0, await TerminateConnectionsAsync(factory.ConnectionString, ct));

        var created = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users", ct)).StatusCode);
    }

    [Fact]
    public async Task An_unreachable_database_is_503_problem_details_with_retry_after_and_not_ready()
    {
        var ct = TestContext.Current.CancellationToken;
        var unreachable = new NpgsqlConnectionStringBuilder(await PostgresServer.GetConnectionStringAsync(ct))
        {
            Host = "127.0.0.1",
            Port = ClosedPort(),
            Database = "unreachable",
        };
        await using var factory = ApiFactory.On(unreachable.ConnectionString, migrateOnStartup: false);
        var client = factory.CreateClient();

        var refused = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct)).RootElement;
        Assert.Equal("The database is not available.", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
    }

    private static async Task<int> TerminateConnectionsAsync(string connectionString, CancellationToken ct)
    {
        // A connection of its own, outside the pool the app shares with this process, so that none of the app's survives.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND usename = current_user AND backend_type = 'client backend' AND pid <> pg_backend_pid()
            """,
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
