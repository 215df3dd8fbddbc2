using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Contoso.Shop.Db;

/// <summary>
/// A client span for each database command, under the request that ran it, since SQLite makes none of its own.
/// It costs next to nothing when telemetry is not exported or the request is not sampled: no span is started.
/// (OpenTelemetry's EF Core instrumentation makes them from EF Core's diagnostic events, which EF Core then builds
/// for every command, sampled or not.)
/// </summary>
public sealed class DatabaseSpans : DbCommandInterceptor
{
    public const string SourceName = "Contoso.Shop.Database";

    private static readonly ActivitySource Source = new(SourceName);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop();
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop();
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Stop();
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop();

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop();
        return Task.CompletedTask;
    }

    // The Executing and Executed calls of one command run in its caller's flow, and none of these methods is async,
    // so the span started here is Activity.Current when its command ends.
    private static void Start(DbCommand command)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        var database = command.Connection?.Database;
        var operation = OperationOf(command.CommandText);
        var activity = Source.StartActivity(operation is null ? "sqlite" : $"{operation} {database}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system.name", "sqlite");
            activity.SetTag("db.namespace", database);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.query.text", command.CommandText);
        }
    }

    private static void Stop(Exception? exception = null)
    {
        if (Activity.Current is not { } activity || activity.Source != Source)
        {
            return;
        }

        if (exception is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag("error.type", exception.GetType().FullName);
        }

        activity.Stop();
    }

    private static readonly string[] Operations = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "PRAGMA"];

    /// <summary>The statement's first keyword when it is a common one (commands from EF Core are single statements).</summary>
    private static string? OperationOf(string text)
    {
        var statement = text.AsSpan().TrimStart();
        foreach (var operation in Operations)
        {
            if (statement.StartsWith(operation, StringComparison.OrdinalIgnoreCase))
            {
                return operation;
            }
        }

        return null;
    }
}
