using Npgsql;
using Testcontainers.PostgreSql;

namespace Contoso.Shop.TestSupport;

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>POSTGRES_TEST_CONNECTION_STRING</c>
/// (a role that may create databases), else a throw-away container where a Docker engine answers.
/// There is no silent skip: without either, the tests fail and say so.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "POSTGRES_TEST_CONNECTION_STRING";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? connectionString;

    public static async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken = default)
    {
        if (connectionString is not null)
        {
            return connectionString;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            return connectionString ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : await StartContainerAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(await GetConnectionStringAsync(cancellationToken));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> StartContainerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:17-alpine").Build();
            await container.StartAsync(cancellationToken);
            // The container lives as long as the test process; Testcontainers' reaper removes it afterwards.
            return container.GetConnectionString();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"These tests need PostgreSQL: set {EnvironmentVariable} to an Npgsql connection string for a role " +
                "that may create databases, or start a Docker engine so that Testcontainers can run one. " +
                $"({exception.Message})", exception);
        }
    }
}
