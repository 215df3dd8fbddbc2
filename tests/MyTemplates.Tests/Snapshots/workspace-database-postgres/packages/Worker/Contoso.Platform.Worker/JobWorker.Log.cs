namespace Contoso.Platform.Worker;

/// <summary>The worker's log messages, generated at compile time (no formatting unless the level is on).</summary>
public sealed partial class JobWorker
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} started")]
    private partial void LogStarted(string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {WorkerId} stopped")]
    private partial void LogStopped(string workerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave back {Count} claimed job(s) not started before stopping")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The jobs table is missing: waiting for the database migrations (README.md, Migrate)")]
    private partial void LogWaitingForMigrations();

    [LoggerMessage(Level = LogLevel.Error, Message = "Claiming or running a batch of jobs failed; trying again in {Wait}")]
    private partial void LogBatchFailed(Exception exception, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed, and so did recording it: the database is away; it runs again when its lease runs out")]
    private partial void LogFailureNotRecorded(Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marking {Count} job(s) done failed: the database is away; trying again in {Wait}")]
    private partial void LogRecordingDoneFailed(Exception exception, int count, TimeSpan wait);
}
