using Contoso.Shop.Config;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.Db;

public static class DbExtensions
{
    public static IServiceCollection AddDb(this IServiceCollection services)
    {
        // A pooled DbContext: cheap to rent per request, which matters on hot read paths.
        services.AddDbContextPool<AppDbContext>((provider, options) =>
        {
            var connectionString = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
            options.UseSqlite(connectionString).AddInterceptors(new DatabaseSpans());

            options.ConfigureWarnings(warnings => warnings
                // A failed command or connection surfaces as an exception (or is retried): the repository turns a taken e-mail into a 409,
                // and the exception handler logs anything else once. EF Core's own error log would say it twice.
                .Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                    (RelationalEventId.ConnectionError, LogLevel.Debug))
                // A model change without its migration is caught by MigrationTests, not at every start-up.
                .Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        services.AddHostedService<DatabaseMigrator>();
        // A database that hangs (frozen, or a network that drops packets) makes the probe fail in time instead of hanging.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

        return services;
    }

    /// <summary>True when saving failed on a unique index (e.g. a duplicate e-mail address).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ };

    /// <summary>
    /// True when another process held the database's write lock for longer than the busy timeout: the database
    /// is busy for now, not the request at fault.
    /// </summary>
    public static bool IsDatabaseUnavailable(this Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ };

    /// <summary>True when a command failed because a table or column is missing: migrations are pending.</summary>
    public static bool IsMissingSchema(this Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 1 /* SQLITE_ERROR */ } sqlite
            && (sqlite.Message.Contains("no such table", StringComparison.Ordinal) || sqlite.Message.Contains("no such column", StringComparison.Ordinal));
}
