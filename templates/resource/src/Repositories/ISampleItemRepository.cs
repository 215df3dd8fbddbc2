using Company.WebApi.Db;

namespace Company.WebApi.Repositories;

public interface ISampleItemRepository
{
    Task<SampleItemEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of sample items, oldest first, and the number of sample items in all.</summary>
    Task<(IReadOnlyList<SampleItemEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    Task AddAsync(SampleItemEntity sampleItem, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored sample item; null when there is none.</summary>
    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    Task<SampleItemEntity?> UpdateAsync(Guid id, Action<SampleItemEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
