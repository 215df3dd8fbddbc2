using System.Diagnostics;
using Contoso.Platform.Core.Config;
using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Worker.Config;
using Contoso.Platform.Worker.Jobs;
using Contoso.Platform.Worker.Telemetry;
using Microsoft.Extensions.Options;

namespace Contoso.Platform.Worker;

/// <summary>
/// Claims due jobs in batches and runs each with the handler of its kind, asking again at once while
/// there is work and after <c>Worker:PollInterval</c> when there is none. On SIGTERM (or Ctrl+C) it
/// finishes the job in hand, gives back the rest of its batch and stops.
/// </summary>
public sealed partial class JobWorker(
    IServiceScopeFactory scopes,
    IOptions<WorkerOptions> options,
    IOptions<JobOptions> jobOptions,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    /// <summary>Names this process on the jobs it holds, so that only it completes or gives them back.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The longest wait between tries while the database is away (or the poll interval, if that is longer).</summary>
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    /// <summary>How often the worker measures the queue for <see cref="WorkerTelemetry.OldestWaiting"/>, while it is collected.</summary>
    private static readonly TimeSpan QueueMeasureInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(WorkerId);
        var failuresInARow = 0;
        var measureQueueAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var claimed = await RunBatchAsync(stoppingToken);
                failuresInARow = 0;
                if (WorkerTelemetry.OldestWaiting.Enabled && clock.GetUtcNow() >= measureQueueAt)
                {
                    await MeasureQueueAsync(stoppingToken);
                    measureQueueAt = clock.GetUtcNow() + QueueMeasureInterval;
                }

                wait = claimed == 0 ? options.Value.PollInterval : TimeSpan.Zero;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception.IsMissingSchema())
            {
                LogWaitingForMigrations();
                wait = options.Value.PollInterval;
            }
            catch (Exception exception)
            {
                // The database is away, for instance: wait longer after each failure in a row, so that the workers
                // neither spin nor flood the log; the first batch that succeeds resets the wait.
                wait = BackOff(++failuresInARow);
                LogBatchFailed(exception, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        LogStopped(WorkerId);
    }

    /// <summary>Claims one batch and runs it; returns how many jobs it claimed.</summary>
    public async Task<int> RunBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JobService>();
        var batch = await jobs.ClaimAsync(WorkerId, options.Value.BatchSize, stoppingToken);
        foreach (var job in batch)
        {
            WorkerTelemetry.Claimed.Add(1, WorkerTelemetry.KindOf(job));
        }

        var unstarted = batch.ToList();
        var done = new List<Job>();
        var renewAt = clock.GetUtcNow() + jobOptions.Value.Lease / 2;
        while (unstarted.Count > 0)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                LogReleased(await jobs.ReleaseAsync(unstarted, WorkerId, CancellationToken.None));
                break;
            }

            // A slow batch marks what it has done and holds the rest for another lease half way
            // through, so that no other worker claims the jobs it has yet to start.
            if (clock.GetUtcNow() >= renewAt)
            {
                await RecordDoneAsync(jobs, done, stoppingToken);
                done.Clear();
                unstarted = [.. await jobs.RenewAsync(unstarted, WorkerId, CancellationToken.None)];
                renewAt = clock.GetUtcNow() + jobOptions.Value.Lease / 2;
                continue;
            }

            var job = unstarted[0];
            unstarted.RemoveAt(0);
            if (await RunAsync(jobs, job))
            {
                done.Add(job);
            }
        }

        // The jobs done are marked together: one commit for the batch.
        await RecordDoneAsync(jobs, done, stoppingToken);
        return batch.Count;
    }

    /// <summary>Measures how long the oldest waiting job has been due, for <see cref="WorkerTelemetry.OldestWaiting"/>.</summary>
    public async Task<TimeSpan> MeasureQueueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var age = await scope.ServiceProvider.GetRequiredService<JobService>().OldestWaitingAsync(cancellationToken);
        WorkerTelemetry.RecordOldestWaiting(age);
        return age;
    }

    /// <summary>
    /// Marks the jobs done, trying again while the database is away: a job that ran must not run again because the
    /// database was restarting when it finished. Only a worker that stops first leaves them to run again once their
    /// lease runs out (handlers are safe to repeat).
    /// </summary>
    private async Task RecordDoneAsync(JobService jobs, List<Job> done, CancellationToken stoppingToken)
    {
        for (var failuresInARow = 1; ; failuresInARow++)
        {
            try
            {
                await jobs.CompleteAsync(done, WorkerId, CancellationToken.None);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception.IsDatabaseUnavailable())
            {
                var wait = BackOff(failuresInARow);
                LogRecordingDoneFailed(exception, done.Count, wait);
                await Task.Delay(wait, clock, stoppingToken);
            }
        }
    }

    /// <summary>The wait after the n-th failure in a row: the poll interval, doubled each time, at most <see cref="MaxBackOff"/>.</summary>
    private TimeSpan BackOff(int failuresInARow)
    {
        var poll = options.Value.PollInterval;
        var longest = poll > MaxBackOff ? poll : MaxBackOff;
        return TimeSpan.FromTicks(Math.Min(poll.Ticks * (1L << Math.Min(failuresInARow - 1, 16)), longest.Ticks));
    }

    // The job in hand runs to its end even when the host is stopping; the host's shutdown timeout bounds the wait.
    // Each job gets a scope of its own, so that what a failed handler left in a DbContext never reaches the next job.
    // Its span is the parent of what the handler does (its database and HTTP spans), in the trace of what queued the job.
    private async Task<bool> RunAsync(JobService jobs, Job job)
    {
        using var span = WorkerTelemetry.StartJob(job);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetKeyedService<IJobHandler>(job.Kind)
                ?? throw new InvalidOperationException($"No handler is registered for jobs of kind '{job.Kind}'.");
            await handler.HandleAsync(job, CancellationToken.None);
            WorkerTelemetry.Done.Add(1, WorkerTelemetry.KindOf(job));
            return true;
        }
        catch (Exception exception)
        {
            span?.AddException(exception).SetStatus(ActivityStatusCode.Error, exception.Message);
            try
            {
                var status = await jobs.FailAsync(job, WorkerId, exception, CancellationToken.None);
                (status == JobStatus.Failed ? WorkerTelemetry.Failed : WorkerTelemetry.Retried).Add(1, WorkerTelemetry.KindOf(job));
            }
            catch (Exception recording) when (recording.IsDatabaseUnavailable())
            {
                // The handler most likely failed because the database is away too. This job comes back when its lease
                // runs out; the batch goes on, so that the jobs already done are still marked done.
                LogFailureNotRecorded(recording, job.Id);
            }

            return false;
        }
    }
}
