
namespace Company.Etl.Loaders;

public interface ILoader
{
    /// <summary>Creates the <c>users</c> table when it is missing.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one batch in one transaction; a later row with the same id overwrites an earlier one, so
    /// reruns are idempotent. Runs to the end even when the run is being cancelled: a batch is all or nothing.
    /// </summary>
    Task WriteBatchAsync(UserBatch batch);

    /// <summary>Called after the last batch, also when the run was cancelled: finishes what the loader does in the background.</summary>
    Task CompleteAsync();
}
