using Contoso.Platform.Core.Db;

namespace Contoso.Platform.Core.Repositories;

public interface IUserRepository
{
    Task<UserEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of users, oldest first, and the number of users in all.</summary>
    Task<(IReadOnlyList<UserEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the user and the jobs its creation starts in one transaction: no user without its jobs,
    /// no job for a user that was not stored.
    /// </summary>
    /// <exception cref="ConflictException">The e-mail address is taken.</exception>
    Task AddAsync(UserEntity user, IReadOnlyCollection<JobEntity> jobs, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored user; null when there is none.</summary>
    /// <exception cref="ConflictException">The new e-mail address is taken.</exception>
    Task<UserEntity?> UpdateAsync(Guid id, Action<UserEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
