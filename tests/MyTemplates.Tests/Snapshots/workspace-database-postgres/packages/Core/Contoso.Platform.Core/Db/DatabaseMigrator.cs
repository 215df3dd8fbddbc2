using Contoso.Platform.Core.Config;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Contoso.Platform.Core.Db;

/// <summary>
/// Runs before the app starts its work (the API's server, the worker's loop). With
/// <c>Database:MigrateOnStartup</c> it applies pending migrations (the API and the workers may start
/// together: on PostgreSQL one migrates while the others wait), and a failure stops start-up. Without it,
/// it names the migrations still to apply: until they are, the API's <c>/health/ready</c> answers 503.
/// </summary>
public sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (options.Value.MigrateOnStartup)
        {
            try
            {
                await using var migrationLock = await LockMigrationsAsync(options.Value.ConnectionString!, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogMigrationFailed(logger, exception);
                throw;
            }

            LogMigrated(logger);
            return;
        }

        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogPendingMigrations(logger, pending.Count, string.Join(", ", pending));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Not fatal: the API serves /health/live and says on /health/ready that the database is not ready; the worker retries.
            LogDatabaseUnavailable(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Instances started together would each apply the same migration, and all but one would fail (42P07, a table
    /// already exists): EF Core locks the history table only for each migration's transaction, after every instance
    /// has listed what to apply. An advisory lock held for the whole run lets one migrate while the others wait
    /// and then find nothing left to do. A connection of its own, outside the pool, holds it: closing it ends the lock.
    /// </summary>
    private static async Task<NpgsqlConnection> LockMigrationsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await connection.OpenAsync(cancellationToken);
                    break;
                }
                catch (NpgsqlException exception) when (exception.IsTransient && attempt < 5)
                {
                    // A database that is still starting (instances and database started together): as EF Core's retries would.
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
            }

            // No command timeout: the wait lasts as long as another instance's migrations; stopping the app cancels it.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('migrations'))", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Applying database migrations failed, so the app stops. Check ConnectionStrings:Default and that the database accepts schema changes.")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database has {Count} pending migration(s): {Migrations}. The API's /health/ready answers 503 until they are applied: run the migration bundle (README.md, Migrate) or set Database:MigrateOnStartup=true.")]
    private static partial void LogPendingMigrations(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not check the database for pending migrations; the API's /health/ready answers 503 until it answers. Check ConnectionStrings:Default.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
