using Company.Platform.Core.Db;
#if (UseSqlite)
using Microsoft.Data.Sqlite;
#endif
using Microsoft.EntityFrameworkCore;
#if (UsePostgres)
using Npgsql;
#endif

namespace Company.Platform.Core.TestSupport;

/// <summary>
/// A database of the app's own provider that belongs to one test or fixture: created and migrated
/// on <see cref="CreateAsync"/>, deleted on dispose, so tests never see each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default)
    {
        var database = await CreateEmptyAsync(cancellationToken);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync(cancellationToken);
        return database;
    }

    /// <summary>A database with no tables yet: for tests of what the app does before migrations are applied.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(CancellationToken cancellationToken = default)
    {
#if (UseSqlite)
        var path = Path.Combine(Path.GetTempPath(), $"Company.Platform-tests-{Guid.NewGuid():N}.db");
        var database = new TestDatabase($"Data Source={path}");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken); // creates the file
        }
#endif
#if (UsePostgres)
        var builder = new NpgsqlConnectionStringBuilder(await PostgresServer.GetConnectionStringAsync(cancellationToken))
        {
            Database = $"test_{Guid.NewGuid():N}",
        };
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{builder.Database}\"", cancellationToken);
        var database = new TestDatabase(builder.ConnectionString);
#endif
        return database;
    }

    public AppDbContext CreateDbContext() =>
#if (UseSqlite)
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqliteConnectionInterceptor()).Options);
#endif
#if (UsePostgres)
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(ConnectionString).Options);
#endif

    public async ValueTask DisposeAsync()
    {
#if (UseSqlite)
        SqliteConnection.ClearAllPools();
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
}
