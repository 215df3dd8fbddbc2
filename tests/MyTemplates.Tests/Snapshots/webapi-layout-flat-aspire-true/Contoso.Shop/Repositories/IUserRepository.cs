using Contoso.Shop.Db;

namespace Contoso.Shop.Repositories;

public interface IUserRepository
{
    Task<UserEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of users, oldest first, and the number of users in all.</summary>
    Task<(IReadOnlyList<UserEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <exception cref="Core.ConflictException">The e-mail address is taken.</exception>
    Task AddAsync(UserEntity user, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored user; null when there is none.</summary>
    /// <exception cref="Core.ConflictException">The new e-mail address is taken.</exception>
    Task<UserEntity?> UpdateAsync(Guid id, Action<UserEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
