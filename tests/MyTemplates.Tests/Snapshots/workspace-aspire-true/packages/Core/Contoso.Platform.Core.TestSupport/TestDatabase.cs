using Contoso.Platform.Core.Db;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.TestSupport;

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
        var path = Path.Combine(Path.GetTempPath(), $"Contoso.Platform-tests-{Guid.NewGuid():N}.db");
        var database = new TestDatabase($"Data Source={path}");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken); // creates the file
        }
        return database;
    }

    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(ConnectionString).AddInterceptors(new SqliteConnectionInterceptor()).Options);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var file in new[] { path, $"{path}-wal", $"{path}-shm" })
        {
            File.Delete(file);
        }

        await Task.CompletedTask;
    }
}
