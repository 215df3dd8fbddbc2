using Company.Platform.Core.Config;
using Company.Platform.Core.Models;
using Company.Platform.Core.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Company.Platform.Core.Services;

/// <summary>
/// The rules of the job queue: a worker claims due jobs for <c>Jobs:Lease</c>; a job that fails is
/// retried after a wait that doubles each time (from <c>Jobs:RetryDelay</c> to <c>Jobs:MaxRetryDelay</c>),
/// and after <c>Jobs:MaxAttempts</c> tries it is kept as failed with its error; so is a job whose tries
/// never finished (its worker died, or the lease ran out, each time).
/// </summary>
public sealed partial class JobService(IJobRepository jobs, TimeProvider clock, IOptions<JobOptions> options, ILogger<JobService> logger)
{
    public const string NeverFinished = "None of its tries finished: its worker stopped, or its lease ran out, each time.";

    public async Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int count, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        var claimed = await jobs.ClaimAsync(workerId, count, now, now + options.Value.Lease, cancellationToken);

        // Every claim counts a try, so a job claimed once more than it may be tried has used up its tries
        // without one of them reaching its end: it is not run again.
        foreach (var exhausted in claimed.Where(job => job.Attempts > options.Value.MaxAttempts))
        {
            LogNeverFinished(exhausted.Id, exhausted.Kind, options.Value.MaxAttempts);
            await jobs.FailAsync(exhausted.Id, workerId, now, NeverFinished, cancellationToken);
        }

        return [.. claimed.Where(job => job.Attempts <= options.Value.MaxAttempts).Select(job => job.ToModel())];
    }

    /// <summary>Holds the jobs for another lease; those another worker claimed in the meantime are left out.</summary>
    public async Task<IReadOnlyList<Job>> RenewAsync(IReadOnlyList<Job> unstarted, string workerId, CancellationToken cancellationToken = default)
    {
        var leaseUntil = clock.GetUtcNowForStorage() + options.Value.Lease;
        var held = (await jobs.RenewAsync([.. unstarted.Select(job => job.Id)], workerId, leaseUntil, cancellationToken)).ToHashSet();
        return [.. unstarted.Where(job => held.Contains(job.Id))];
    }

    /// <summary>Marks the jobs done, in one statement: one commit for a batch rather than one a job.</summary>
    public async Task CompleteAsync(IReadOnlyCollection<Job> done, string workerId, CancellationToken cancellationToken = default)
    {
        if (done.Count == 0)
        {
            return;
        }

        var completed = await jobs.CompleteAsync([.. done.Select(job => job.Id)], workerId, clock.GetUtcNowForStorage(), cancellationToken);
        if (completed < done.Count)
        {
            LogLeaseLost(done.Count - completed);
        }
    }

    /// <summary>Records a failed try: the job is due again after its back-off, or failed for good after its last try.</summary>
    public async Task<JobStatus> FailAsync(Job job, string workerId, Exception error, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        if (job.Attempts >= options.Value.MaxAttempts)
        {
            LogFailed(error, job.Id, job.Kind, job.Attempts);
            await jobs.FailAsync(job.Id, workerId, now, error.Message, cancellationToken);
            return JobStatus.Failed;
        }

        var delay = RetryDelay(job.Attempts);
        LogRetrying(error, job.Id, job.Kind, job.Attempts, delay);
        await jobs.RetryAsync(job.Id, workerId, now + delay, error.Message, cancellationToken);
        return JobStatus.Pending;
    }

    public Task<int> ReleaseAsync(IEnumerable<Job> unstarted, string workerId, CancellationToken cancellationToken = default) =>
        jobs.ReleaseAsync([.. unstarted.Select(job => job.Id)], workerId, cancellationToken);

    /// <summary>How long the job that has waited longest for a worker has been due; zero when no job is waiting.</summary>
    public async Task<TimeSpan> OldestWaitingAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        return await jobs.OldestWaitingSinceAsync(now, cancellationToken) is { } since ? now - since : TimeSpan.Zero;
    }

    /// <summary>The wait after failed try number <paramref name="attempt"/>: RetryDelay, twice that, four times, … up to MaxRetryDelay.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        // In double ticks, so that no number of tries overflows TimeSpan before the cap applies.
        var ticks = options.Value.RetryDelay.Ticks * Math.Pow(2, attempt - 1);
        return ticks < options.Value.MaxRetryDelay.Ticks ? TimeSpan.FromTicks((long)ticks) : options.Value.MaxRetryDelay;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) failed on try {Attempt}; retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, Guid jobId, string kind, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) was claimed after its {MaxAttempts} tries without one finishing, and is kept as failed")]
    private partial void LogNeverFinished(Guid jobId, string kind, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) failed on its last try ({Attempt}) and is kept as failed")]
    private partial void LogFailed(Exception exception, Guid jobId, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} job(s) were done after their lease ran out, and another worker may have claimed them: raise Jobs:Lease above the time a job takes")]
    private partial void LogLeaseLost(int count);
}
