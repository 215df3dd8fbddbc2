using Contoso.Shop.Config;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.Db;

/// <summary>
/// Applies pending migrations when <c>Database:MigrateOnStartup</c> is true, in the background: the
/// server starts listening meanwhile (<c>/health/live</c> answers), <c>/health/ready</c> reports 503
/// and requests that need the database wait until the database is ready. A failed migration stops the app with exit code 1.
/// </summary>
public sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the database is ready; throws if migrating it failed.</summary>
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            ready.SetResult();
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.MigrateAsync(stoppingToken);
            ready.SetResult();
            LogMigrated(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            ready.SetCanceled(stoppingToken);
        }
        catch (Exception exception)
        {
            ready.SetException(exception);
            LogMigrationFailed(logger, exception);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated and ready")]
    private static partial void LogMigrated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Applying database migrations failed, so the app stops. Check ConnectionStrings:Default and that the database accepts schema changes.")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);
}
