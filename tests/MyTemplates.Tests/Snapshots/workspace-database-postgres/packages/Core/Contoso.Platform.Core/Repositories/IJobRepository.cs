using Contoso.Platform.Core.Db;

namespace Contoso.Platform.Core.Repositories;

/// <summary>
/// The jobs table as a queue: workers claim due jobs for a while (a lease) and then complete, retry,
/// fail or release them. Every change after the claim applies only while the worker still holds the job.
/// </summary>
public interface IJobRepository
{
    /// <summary>
    /// Claims up to <paramref name="count"/> due jobs for <paramref name="workerId"/> until
    /// <paramref name="leaseUntil"/> and counts a try for each; no two workers get the same job.
    /// </summary>
    Task<IReadOnlyList<JobEntity>> ClaimAsync(string workerId, int count, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Holds the jobs that <paramref name="workerId"/> still holds until <paramref name="leaseUntil"/>, and returns their ids.</summary>
    Task<IReadOnlyList<Guid>> RenewAsync(IReadOnlyCollection<Guid> ids, string workerId, DateTime leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Marks the jobs done, in one statement.</summary>
    /// <returns>How many were: fewer when the worker no longer held some (their lease ran out and another claimed them).</returns>
    Task<int> CompleteAsync(IReadOnlyCollection<Guid> ids, string workerId, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Gives the job back to the queue, due at <paramref name="runAfter"/>, with the error of this try.</summary>
    Task<bool> RetryAsync(Guid id, string workerId, DateTime runAfter, string error, CancellationToken cancellationToken = default);

    /// <summary>Keeps the job as failed, with the error of its last try.</summary>
    Task<bool> FailAsync(Guid id, string workerId, DateTime now, string error, CancellationToken cancellationToken = default);

    /// <summary>
    /// When the job that has waited longest became due: the earliest <c>run_after</c> of the pending jobs that are due
    /// and held by no worker; <see langword="null"/> when none is waiting.
    /// </summary>
    Task<DateTime?> OldestWaitingSinceAsync(DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Gives back claimed jobs that were not started, their try uncounted (a worker that is stopping).</summary>
    Task<int> ReleaseAsync(IReadOnlyCollection<Guid> ids, string workerId, CancellationToken cancellationToken = default);
}
