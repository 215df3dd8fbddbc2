namespace Contoso.Etl.Loaders;

/// <summary>Loads records into their table, as the table's <see cref="TableMap{T}"/> describes.</summary>
public interface ITableLoader
{
    /// <summary>Creates the table when it is missing; safe when several copies of the app start together.</summary>
    Task EnsureTableAsync<T>(TableMap<T> table, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or updates the records by key, all in one transaction, so that loading the same input again
    /// changes nothing. The records' keys are distinct.
    /// </summary>
    Task UpsertAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken = default);
}
