using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.Repositories;

public sealed class JobRepository(AppDbContext db) : IJobRepository
{
    public async Task<IReadOnlyList<JobEntity>> ClaimAsync(
        string workerId, int count, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken = default)
    {
        const string pending = nameof(JobStatus.Pending);

        // Under the retrying strategy a claim whose reply was lost (the database restarted) is made again and picks
        // other jobs; the first ones stay held by this worker until their lease runs out, then go to any worker.

        // One statement: SQLite runs one writer at a time, so this claim sees no other worker's claim
        // half done, and the lease keeps the jobs from every other worker until they are finished.
        return await db.Jobs.FromSql($"""
            UPDATE jobs SET locked_by = {workerId}, locked_until = {leaseUntil}, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM jobs
                WHERE status = {pending} AND run_after <= {now} AND (locked_until IS NULL OR locked_until <= {now})
                ORDER BY run_after
                LIMIT {count})
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> RenewAsync(
        IReadOnlyCollection<Guid> ids, string workerId, DateTime leaseUntil, CancellationToken cancellationToken = default)
    {
        var held = db.Jobs.Where(job => ids.Contains(job.Id) && job.LockedBy == workerId);
        await held.ExecuteUpdateAsync(job => job.SetProperty(j => j.LockedUntil, leaseUntil), cancellationToken);
        return await held.Select(job => job.Id).ToListAsync(cancellationToken);
    }

    public Task<int> CompleteAsync(IReadOnlyCollection<Guid> ids, string workerId, DateTime now, CancellationToken cancellationToken = default) =>
        db.Jobs.Where(job => ids.Contains(job.Id) && job.LockedBy == workerId).ExecuteUpdateAsync(job => job
            .SetProperty(j => j.Status, JobStatus.Done)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken);

    public async Task<bool> RetryAsync(Guid id, string workerId, DateTime runAfter, string error, CancellationToken cancellationToken = default) =>
        await Held(id, workerId).ExecuteUpdateAsync(job => job
            .SetProperty(j => j.RunAfter, runAfter)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken) > 0;

    public async Task<bool> FailAsync(Guid id, string workerId, DateTime now, string error, CancellationToken cancellationToken = default) =>
        await Held(id, workerId).ExecuteUpdateAsync(job => job
            .SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LockedBy, (string?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken) > 0;

    public Task<DateTime?> OldestWaitingSinceAsync(DateTime now, CancellationToken cancellationToken = default) =>
        db.Jobs
            .Where(job => job.Status == JobStatus.Pending && job.RunAfter <= now && (job.LockedUntil == null || job.LockedUntil <= now))
            .MinAsync(job => (DateTime?)job.RunAfter, cancellationToken);

    public Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string workerId, CancellationToken cancellationToken = default) =>
        db.Jobs.Where(job => ids.Contains(job.Id) && job.LockedBy == workerId)
            .ExecuteUpdateAsync(job => job
                .SetProperty(j => j.Attempts, j => j.Attempts - 1)
                .SetProperty(j => j.LockedBy, (string?)null)
                .SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken);

    private IQueryable<JobEntity> Held(Guid id, string workerId) =>
        db.Jobs.Where(job => job.Id == id && job.LockedBy == workerId);
}
