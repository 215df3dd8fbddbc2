using System.Data.Common;
using Npgsql;

namespace Contoso.Etl.TestSupport;

/// <summary>An empty database of the app's own provider for one test, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(await PostgresServer.GetConnectionStringAsync(cancellationToken))
        {
            Database = $"test_{Guid.NewGuid():N}",
        };
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{builder.Database}\"", cancellationToken);
        return new TestDatabase(builder.ConnectionString);
    }

    /// <summary>The rows of the users table as "id|email|name|created_at (UTC, ISO 8601)", ordered by id.</summary>
    public Task<IReadOnlyList<string>> ReadUsersAsync() => ReadTableAsync("users", "id", "email", "name", "created_at");

    public async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The rows of a table as its columns joined by "|" (timestamps in UTC, ISO 8601; numbers in invariant form), ordered by the first column.</summary>
    public async Task<IReadOnlyList<string>> ReadTableAsync(string table, params string[] columns)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {table} ORDER BY {columns[0]}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, columns.Length).Select(i => reader.GetValue(i) switch
            {
                DateTime timestamp => timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            })));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        // Only this database's pool: clearing every pool would close idle connections other tests running
        // beside this one rely on (a test that terminates its app's pooled connections would find none).
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private NpgsqlConnection Open() => new(ConnectionString);
}
