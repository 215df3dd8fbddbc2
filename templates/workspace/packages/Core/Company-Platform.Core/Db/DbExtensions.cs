using Company.Platform.Core.Config;
#if (UseSqlite)
using Microsoft.Data.Sqlite;
#endif
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
#if (UsePostgres)
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
#endif

namespace Company.Platform.Core.Db;

public static class DbExtensions
{
    public static IServiceCollection AddDb(this IServiceCollection services)
    {
        // A pooled DbContext: cheap to rent per request or per batch of jobs, which matters on hot paths.
        services.AddDbContextPool<AppDbContext>((provider, options) =>
        {
            var connectionString = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
#if (UseSqlite)
            options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionInterceptor(), new DatabaseSpans());
#endif
#if (UsePostgres)
            // Npgsql's pool hands out a connection without checking it first, so after a database restart or
            // fail-over the first command on each pooled connection fails. The retrying strategy runs the whole
            // operation again on a fresh connection, a few times within seconds; a failure that outlasts it
            // becomes the API's 503 with Retry-After, or the worker's back-off, never a 500.
            options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(
                maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null));
#endif

            options.ConfigureWarnings(warnings => warnings
                // A failed command or connection surfaces as an exception (or is retried): the repository turns a taken e-mail into a 409,
                // and the API's exception handler or the worker logs anything else once. EF Core's own error log would say it twice.
                .Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                    (RelationalEventId.ConnectionError, LogLevel.Debug))
                // A model change without its migration is caught by MigrationTests, not at every start-up.
                .Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        services.AddHostedService<DatabaseMigrator>();

        return services;
    }

    /// <summary>True when saving failed on a unique index (e.g. a duplicate e-mail address).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
#if (UseSqlite)
        exception.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 /* SQLITE_CONSTRAINT_UNIQUE */ };
#endif
#if (UsePostgres)
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
#endif

#if (UseSqlite)
    /// <summary>
    /// True when another process held the database's write lock for longer than the busy timeout: the database
    /// is busy for now, not the request at fault.
    /// </summary>
    public static bool IsDatabaseUnavailable(this Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 5 /* SQLITE_BUSY */ or 6 /* SQLITE_LOCKED */ };
#endif
#if (UsePostgres)
    /// <summary>
    /// True when the database could not be reached or dropped the connection, and the retries did not help:
    /// the database is away for now (restarting, failing over, out of connections), not the request at fault.
    /// </summary>
    public static bool IsDatabaseUnavailable(this Exception exception) =>
        exception is RetryLimitExceededException
            || (exception as NpgsqlException ?? exception.InnerException as NpgsqlException) is { IsTransient: true };
#endif

    /// <summary>True when a command failed because a table or column is missing: migrations are pending.</summary>
    public static bool IsMissingSchema(this Exception exception) =>
#if (UseSqlite)
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: 1 /* SQLITE_ERROR */ } sqlite
            && (sqlite.Message.Contains("no such table", StringComparison.Ordinal) || sqlite.Message.Contains("no such column", StringComparison.Ordinal));
#endif
#if (UsePostgres)
        (exception as PostgresException ?? exception.InnerException as PostgresException)?.SqlState
            is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn;
#endif
}
