using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Core.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.Tests;

/// <summary>The jobs table as a queue, against a real, freshly migrated database of the configured provider.</summary>
public sealed class JobRepositoryTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Workers_claiming_at_the_same_time_never_get_the_same_job()
    {
        var ids = await AddJobsAsync(200);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() => ClaimAllAsync($"w{worker}"))));

        // Every job claimed once: none twice, none left behind.
        Assert.Equal(ids.Order(), claims.SelectMany(claimed => claimed).Order());
    }

    [Fact]
    public async Task A_claimed_job_is_held_until_its_lease_runs_out_then_another_worker_may_claim_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Assert.Single(await AddJobsAsync(1));
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);

        var first = Assert.Single(await jobs.ClaimAsync("w1", 10, Now, Now.AddMinutes(1), ct));
        Assert.Equal((id, 1), (first.Id, first.Attempts));
        Assert.Empty(await jobs.ClaimAsync("w2", 10, Now.AddSeconds(59), Now.AddMinutes(2), ct));

        var second = Assert.Single(await jobs.ClaimAsync("w2", 10, Now.AddMinutes(1), Now.AddMinutes(2), ct));
        Assert.Equal((id, 2), (second.Id, second.Attempts));
        Assert.Equal(0, await jobs.CompleteAsync([id], "w1", Now, ct));
        Assert.Equal(1, await jobs.CompleteAsync([id], "w2", Now, ct));
        Assert.Empty(await jobs.ClaimAsync("w3", 10, Now.AddHours(1), Now.AddHours(2), ct));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_jobs_from_other_workers_and_a_lost_one_is_not_renewed()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddJobsAsync(2);
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);
        await jobs.ClaimAsync("w1", 10, Now, Now.AddMinutes(1), ct);
        var taken = Assert.Single(await jobs.ClaimAsync("w2", 1, Now.AddMinutes(2), Now.AddMinutes(3), ct)).Id;

        Assert.Equal(ids.Where(id => id != taken), await jobs.RenewAsync(ids, "w1", Now.AddMinutes(10), ct));
        Assert.Empty(await jobs.ClaimAsync("w3", 10, Now.AddMinutes(2), Now.AddMinutes(4), ct));
    }

    [Fact]
    public async Task A_retried_job_waits_for_its_time_and_a_failed_one_keeps_its_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddJobsAsync(2);
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);
        await jobs.ClaimAsync("w1", 10, Now, Now.AddMinutes(1), ct);

        Assert.True(await jobs.RetryAsync(ids[0], "w1", Now.AddMinutes(5), "try again", ct));
        Assert.True(await jobs.FailAsync(ids[1], "w1", Now, "no luck", ct));

        Assert.Empty(await jobs.ClaimAsync("w2", 10, Now.AddMinutes(4), Now.AddMinutes(9), ct));
        Assert.Equal(ids[0], Assert.Single(await jobs.ClaimAsync("w2", 10, Now.AddMinutes(5), Now.AddMinutes(9), ct)).Id);
        var failed = await db.Jobs.AsNoTracking().SingleAsync(job => job.Id == ids[1], ct);
        Assert.Equal((JobStatus.Failed, "no luck", 1), (failed.Status, failed.LastError, failed.Attempts));
    }

    [Fact]
    public async Task A_released_job_is_due_again_with_its_try_uncounted()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Assert.Single(await AddJobsAsync(1));
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);
        await jobs.ClaimAsync("w1", 10, Now, Now.AddMinutes(1), ct);

        Assert.Equal(0, await jobs.ReleaseAsync([id], "w2", ct));
        Assert.Equal(1, await jobs.ReleaseAsync([id], "w1", ct));

        var again = Assert.Single(await jobs.ClaimAsync("w2", 10, Now, Now.AddMinutes(1), ct));
        Assert.Equal((id, 1), (again.Id, again.Attempts));
    }

    [Fact]
    public async Task The_oldest_waiting_job_is_the_earliest_due_one_that_no_worker_holds()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await AddJobsAsync(3); // the first due at Now, each next one a little earlier
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);

        Assert.Null(await jobs.OldestWaitingSinceAsync(Now.AddMilliseconds(-3), ct)); // none due yet
        Assert.Equal(Now.AddMilliseconds(-2), await jobs.OldestWaitingSinceAsync(Now, ct));

        await jobs.ClaimAsync("w1", 1, Now, Now.AddMinutes(1), ct); // the oldest, held until its lease runs out
        Assert.Equal(Now.AddMilliseconds(-1), await jobs.OldestWaitingSinceAsync(Now, ct));
        Assert.Equal(Now.AddMilliseconds(-2), await jobs.OldestWaitingSinceAsync(Now.AddMinutes(1), ct));

        await jobs.ClaimAsync("w1", 10, Now, Now.AddMinutes(1), ct);
        Assert.Equal(3, await jobs.CompleteAsync(ids, "w1", Now, ct));
        Assert.Null(await jobs.OldestWaitingSinceAsync(Now.AddHours(1), ct));
    }

    private async Task<List<Guid>> ClaimAllAsync(string workerId)
    {
        var ids = new List<Guid>();
        await using var db = database.CreateDbContext();
        var jobs = new JobRepository(db);
        while (await jobs.ClaimAsync(workerId, 7, Now, Now.AddMinutes(1), TestContext.Current.CancellationToken) is { Count: > 0 } batch)
        {
            ids.AddRange(batch.Select(job => job.Id));
        }

        return ids;
    }

    private async Task<List<Guid>> AddJobsAsync(int count)
    {
        await using var db = database.CreateDbContext();
        var jobs = Enumerable.Range(0, count).Select(i => JobMapping.NewJob("test", i, Now.AddMilliseconds(-i))).ToList();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return [.. jobs.Select(job => job.Id)];
    }
}
