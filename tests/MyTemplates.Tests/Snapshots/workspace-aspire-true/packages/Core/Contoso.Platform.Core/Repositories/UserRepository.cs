using Contoso.Platform.Core.Db;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.Repositories;

public sealed class UserRepository(AppDbContext db) : IUserRepository
{
    // Compiled once: the hottest read skips EF Core's per-call query cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<UserEntity?>> FindById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Users.AsNoTracking().FirstOrDefault(user => user.Id == id));

    public Task<UserEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindById(db, id, cancellationToken);

    public async Task<(IReadOnlyList<UserEntity> Items, int Total)> ListAsync(
        int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await db.Users.CountAsync(cancellationToken);
        var items = await db.Users.AsNoTracking()
            .OrderBy(user => user.CreatedAt).ThenBy(user => user.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task AddAsync(UserEntity user, IReadOnlyCollection<JobEntity> jobs, CancellationToken cancellationToken = default)
    {
        db.Users.Add(user);
        db.Jobs.AddRange(jobs);
        // One SaveChanges is one transaction: the outbox rows commit with the user, or neither does.
        await SaveAsync(user, cancellationToken);
    }

    public async Task<UserEntity?> UpdateAsync(Guid id, Action<UserEntity> change, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.FindAsync([id], cancellationToken);
        if (user is null)
        {
            return null;
        }

        change(user);
        await SaveAsync(user, cancellationToken);
        return user;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        await db.Users.Where(user => user.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task SaveAsync(UserEntity user, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The database may commit a save and then drop the connection before it says so (a restart): the
            // retrying strategy then saves again and meets its own row. That row is this save's, not a conflict.
            if (await db.Users.AsNoTracking().AnyAsync(row => row.Id == user.Id && row.Email == user.Email, cancellationToken))
            {
                db.ChangeTracker.AcceptAllChanges();
                return;
            }

            throw new ConflictException($"A user with e-mail '{user.Email}' already exists.");
        }
    }
}
