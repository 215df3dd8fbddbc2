namespace Company.Etl.Loaders;

/// <summary>Loads records of <typeparamref name="T"/> into their table, as its <see cref="TableMap{T}"/> describes.</summary>
public interface ITableLoader<T>
{
    /// <summary>Creates the table when it is missing.</summary>
    Task EnsureTableAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or updates the records by key, all in one transaction. Of records with the same key the
    /// last one wins, so loading the same input again changes nothing.
    /// </summary>
    Task UpsertAsync(IReadOnlyList<T> records, CancellationToken cancellationToken = default);
}
