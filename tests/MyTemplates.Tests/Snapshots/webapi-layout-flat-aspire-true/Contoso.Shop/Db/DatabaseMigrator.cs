using Contoso.Shop.Config;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.Db;

/// <summary>
/// Runs before the server starts listening. With <c>Database:MigrateOnStartup</c> it applies pending
/// migrations, and a failure stops start-up. Without it, it names the migrations still to apply:
/// until they are, <c>/health/ready</c> answers 503.
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
                await db.Database.MigrateAsync(cancellationToken);

                // Write-ahead logging lets readers and a writer work at the same time.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
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
            // Not fatal: the app serves /health/live, and /health/ready says the database is not ready.
            LogDatabaseUnavailable(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Applying database migrations failed, so the app stops. Check ConnectionStrings:Default and that the database accepts schema changes.")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The database has {Count} pending migration(s): {Migrations}. /health/ready answers 503 until they are applied: run the migration bundle (README.md, Migrate) or set Database:MigrateOnStartup=true.")]
    private static partial void LogPendingMigrations(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not check the database for pending migrations; /health/ready answers 503 until it answers. Check ConnectionStrings:Default.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
