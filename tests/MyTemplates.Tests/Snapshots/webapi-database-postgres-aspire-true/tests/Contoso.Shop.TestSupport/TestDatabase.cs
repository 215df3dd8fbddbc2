using Contoso.Shop.Db;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Contoso.Shop.TestSupport;

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
        var builder = new NpgsqlConnectionStringBuilder(await PostgresServer.GetConnectionStringAsync(cancellationToken))
        {
            Database = $"test_{Guid.NewGuid():N}",
        };
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{builder.Database}\"", cancellationToken);
        var database = new TestDatabase(builder.ConnectionString);
        return database;
    }

    public AppDbContext CreateDbContext()
    {
        // As in the app: a model change without its migration fails MigrationTests, which says what to run.
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new(options.UseNpgsql(ConnectionString).Options);
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
}
