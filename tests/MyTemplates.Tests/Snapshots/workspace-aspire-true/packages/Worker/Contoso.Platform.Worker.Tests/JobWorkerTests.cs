using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Worker.Jobs;

namespace Contoso.Platform.Worker.Tests;

public sealed class JobWorkerTests
{
    [Fact]
    public async Task The_welcome_message_of_every_new_user_is_sent_once_and_marked_done()
    {
        await using var worker = await WorkerHost.CreateAsync();
        await worker.CreateUsersAsync(45);

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await worker.WaitForJobsAsync(jobs => jobs.All(job => job.Status == JobStatus.Done));
        await worker.Host.StopAsync(TestContext.Current.CancellationToken);

        await worker.WaitForJobsAsync(jobs => jobs.Count == 45 && jobs.All(job => job is { Attempts: 1, LockedBy: null, CompletedAt: not null }));
    }

    [Fact]
    public async Task A_failing_job_is_retried_and_after_its_last_try_kept_as_failed_with_its_error()
    {
        var handler = new FailingHandler();
        await using var worker = await WorkerHost.CreateAsync(handler, new() { ["Jobs:MaxAttempts"] = "3", ["Jobs:RetryDelay"] = "00:00:00.010" });
        await worker.CreateUsersAsync(1);

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await worker.WaitForJobsAsync(jobs => jobs.Single().Status == JobStatus.Failed);
        await worker.Host.StopAsync(TestContext.Current.CancellationToken);

        await worker.WaitForJobsAsync(jobs => jobs.Single() is { Attempts: 3, LastError: "The mail server said no.", LockedBy: null });
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Stopping_finishes_the_job_in_hand_and_gives_back_the_rest_of_the_batch()
    {
        using var stopping = new CancellationTokenSource();
        var handler = new StopOnFirstJobHandler(stopping);
        await using var worker = await WorkerHost.CreateAsync(handler, new() { ["Worker:BatchSize"] = "5" });
        await worker.CreateUsersAsync(5);

        Assert.Equal(5, await worker.Worker.RunBatchAsync(stopping.Token));

        await worker.WaitForJobsAsync(jobs =>
            jobs.Count(job => job is { Status: JobStatus.Done, Attempts: 1 }) == 1
            && jobs.Count(job => job is { Status: JobStatus.Pending, Attempts: 0, LockedBy: null, LockedUntil: null }) == 4);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task After_each_failed_batch_in_a_row_the_worker_waits_twice_as_long()
    {
        var clock = new WaitRecordingClock();
        await using var worker = await WorkerHost.CreateAsync(settings: new() { ["ConnectionStrings:Default"] = await UnreachableDatabaseAsync() }, clock: clock);

        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (clock.Waits.Count < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await worker.Host.StopAsync(TestContext.Current.CancellationToken);

        // WorkerHost's poll interval, then doubled after each failure: no tight loop while the database fails.
        Assert.Equal([20, 40, 80, 160], clock.Waits.Take(4).Select(wait => wait.TotalMilliseconds));
    }

    /// <summary>A connection string that fails at once, every time (a database that is not there), without the retries a database away would get.</summary>
    private static async Task<string> UnreachableDatabaseAsync()
    {
        await Task.CompletedTask;
        return $"Data Source={Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "app.db")}";
    }

    /// <summary>The system clock, noting each wait the worker asks it for.</summary>
    private sealed class WaitRecordingClock : TimeProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<TimeSpan> Waits { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            return System.CreateTimer(callback, state, dueTime, period);
        }
    }

    private sealed class FailingHandler : IJobHandler
    {
        public int Calls { get; private set; }

        public Task HandleAsync(Job job, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("The mail server said no.");
        }
    }

    /// <summary>A SIGTERM that arrives while the first job of the batch is running.</summary>
    private sealed class StopOnFirstJobHandler(CancellationTokenSource stopping) : IJobHandler
    {
        public int Calls { get; private set; }

        public async Task HandleAsync(Job job, CancellationToken cancellationToken)
        {
            Calls++;
            await stopping.CancelAsync();
        }
    }
}
