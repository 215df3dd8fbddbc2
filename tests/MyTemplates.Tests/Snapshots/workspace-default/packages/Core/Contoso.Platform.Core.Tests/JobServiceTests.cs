using Contoso.Platform.Core.Config;
using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Contoso.Platform.Core.Tests;

public sealed class JobServiceTests
{
    private static readonly DateTime Now = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly RecordingJobRepository repository = new();
    private readonly JobService service;

    public JobServiceTests() => service = new JobService(repository, new FixedClock(Now), Options.Create(new JobOptions
    {
        MaxAttempts = 4,
        RetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
        Lease = TimeSpan.FromMinutes(1),
    }), NullLogger<JobService>.Instance);

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 30)]
    [InlineData(40, 30)]
    public void The_wait_before_a_retry_doubles_up_to_the_maximum(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), service.RetryDelay(attempt));

    [Fact]
    public void The_longest_delays_and_the_most_tries_allowed_cap_the_wait_instead_of_overflowing()
    {
        var longest = new JobService(repository, new FixedClock(Now), Options.Create(new JobOptions
        {
            MaxAttempts = 100,
            RetryDelay = TimeSpan.FromDays(1),
            MaxRetryDelay = TimeSpan.FromDays(1),
        }), NullLogger<JobService>.Instance);

        Assert.Equal(TimeSpan.FromDays(1), longest.RetryDelay(100));
    }

    [Fact]
    public async Task A_job_claimed_after_its_last_try_never_finished_is_kept_as_failed_not_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var due = JobMapping.NewJob("test", 1, Now);
        due.Attempts = 4; // this claim's try: the last one
        var exhausted = JobMapping.NewJob("test", 2, Now);
        exhausted.Attempts = 5; // four claims before this one, none of which finished
        repository.Claimable.AddRange([due, exhausted]);

        var claimed = await service.ClaimAsync("w1", 5, ct);

        Assert.Equal([due.Id], claimed.Select(job => job.Id));
        Assert.Equal([("claim", Now.AddMinutes(1), "w1"), ("fail", Now, JobService.NeverFinished)], repository.Calls);
    }

    [Fact]
    public async Task A_failed_try_before_the_last_is_retried_after_its_back_off_with_the_error()
    {
        var status = await service.FailAsync(new Job(Guid.NewGuid(), "test", "{}", Attempts: 2), "w1", new InvalidOperationException("boom"),
            TestContext.Current.CancellationToken);

        Assert.Equal(JobStatus.Pending, status);
        Assert.Equal(("retry", Now.AddSeconds(20), "boom"), Assert.Single(repository.Calls));
    }

    [Fact]
    public async Task The_last_failed_try_keeps_the_job_as_failed_with_its_error()
    {
        var status = await service.FailAsync(new Job(Guid.NewGuid(), "test", "{}", Attempts: 4), "w1", new InvalidOperationException("boom"),
            TestContext.Current.CancellationToken);

        Assert.Equal(JobStatus.Failed, status);
        Assert.Equal(("fail", Now, "boom"), Assert.Single(repository.Calls));
    }

    [Fact]
    public async Task A_claim_holds_the_jobs_for_the_lease()
    {
        await service.ClaimAsync("w1", 5, TestContext.Current.CancellationToken);

        Assert.Equal(("claim", Now.AddMinutes(1), "w1"), Assert.Single(repository.Calls));
    }

    [Fact]
    public async Task A_renewal_holds_the_jobs_for_another_lease_and_drops_those_another_worker_took()
    {
        Job[] unstarted = [new(Guid.NewGuid(), "test", "{}", 1), new(Guid.NewGuid(), "test", "{}", 1)];

        var held = await service.RenewAsync(unstarted, "w1", TestContext.Current.CancellationToken);

        Assert.Equal([unstarted[1]], held);
        Assert.Equal(("renew", Now.AddMinutes(1), "w1"), Assert.Single(repository.Calls));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Records what the service asks of the queue; the queue itself is tested against a real database.</summary>
    private sealed class RecordingJobRepository : IJobRepository
    {
        public List<(string Call, DateTime At, string Detail)> Calls { get; } = [];

        /// <summary>What the next claim returns, as the database would (each with its try counted).</summary>
        public List<JobEntity> Claimable { get; } = [];

        public Task<IReadOnlyList<JobEntity>> ClaimAsync(string workerId, int count, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken = default)
        {
            Calls.Add(("claim", leaseUntil, workerId));
            return Task.FromResult<IReadOnlyList<JobEntity>>([.. Claimable]);
        }

        public Task<IReadOnlyList<Guid>> RenewAsync(IReadOnlyCollection<Guid> ids, string workerId, DateTime leaseUntil, CancellationToken cancellationToken = default)
        {
            Calls.Add(("renew", leaseUntil, workerId));
            return Task.FromResult<IReadOnlyList<Guid>>([.. ids.Skip(1)]);
        }

        public Task<int> CompleteAsync(IReadOnlyCollection<Guid> ids, string workerId, DateTime now, CancellationToken cancellationToken = default)
        {
            Calls.Add(("complete", now, workerId));
            return Task.FromResult(ids.Count);
        }

        public Task<bool> RetryAsync(Guid id, string workerId, DateTime runAfter, string error, CancellationToken cancellationToken = default) =>
            Record("retry", runAfter, error);

        public Task<bool> FailAsync(Guid id, string workerId, DateTime now, string error, CancellationToken cancellationToken = default) =>
            Record("fail", now, error);

        public Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string workerId, CancellationToken cancellationToken = default) =>
            Task.FromResult(ids.Count);

        public Task<DateTime?> OldestWaitingSinceAsync(DateTime now, CancellationToken cancellationToken = default) =>
            Task.FromResult<DateTime?>(null);

        private Task<bool> Record(string call, DateTime at, string detail)
        {
            Calls.Add((call, at, detail));
            return Task.FromResult(true);
        }
    }
}
