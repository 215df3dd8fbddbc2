using Contoso.Shop.Db;

namespace Contoso.Shop.Repositories;

public interface IPersonRepository
{
    Task<PersonEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of people, oldest first, and the number of people in all.</summary>
    Task<(IReadOnlyList<PersonEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    Task AddAsync(PersonEntity person, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored person; null when there is none.</summary>
    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    Task<PersonEntity?> UpdateAsync(Guid id, Action<PersonEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
