using System.Data.Common;
#if (UseSqlite)
using Microsoft.Data.Sqlite;
#endif
#if (UsePostgres)
using Npgsql;
#endif

namespace Company.Etl.TestSupport;

/// <summary>An empty database of the app's own provider for one test, deleted on dispose.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
#if (UseSqlite)
        await Task.CompletedTask;
        return new TestDatabase($"Data Source={Path.Combine(Path.GetTempPath(), $"Company.Etl-tests-{Guid.NewGuid():N}.db")};Pooling=False");
#endif
#if (UsePostgres)
        var builder = new NpgsqlConnectionStringBuilder(await PostgresServer.GetConnectionStringAsync(cancellationToken))
        {
            Database = $"test_{Guid.NewGuid():N}",
        };
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{builder.Database}\"", cancellationToken);
        return new TestDatabase(builder.ConnectionString);
#endif
    }

    /// <summary>The rows of the users table as "id|email|name|created_at (UTC, ISO 8601)", ordered by id.</summary>
    public Task<IReadOnlyList<string>> ReadUsersAsync() => ReadTableAsync("users", "id", "email", "name", "created_at");

    public async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = Open();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#if (UseSqlite)
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
#endif
#if (UsePostgres)
        command.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'";
#endif
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
#if (UseSqlite)
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
        {
            File.Delete(file);
        }

        await Task.CompletedTask;
#endif
#if (UsePostgres)
        // Only this database's pool: clearing every pool would close idle connections other tests running
        // beside this one rely on (a test that terminates its app's pooled connections would find none).
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
        await PostgresServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
#endif
    }

#if (UseSqlite)
    private SqliteConnection Open() => new(ConnectionString);
#endif
#if (UsePostgres)
    private NpgsqlConnection Open() => new(ConnectionString);
#endif
}
