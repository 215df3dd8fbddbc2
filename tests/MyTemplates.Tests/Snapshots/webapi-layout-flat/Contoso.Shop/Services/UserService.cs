using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;

namespace Contoso.Shop.Services;

/// <summary>The business rules for users: e-mail addresses are stored trimmed, lower-case and unique.</summary>
public sealed class UserService(IUserRepository users, TimeProvider clock)
{
    public async Task<User?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await users.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<User>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await users.ListAsync(page, size, cancellationToken);
        return new PagedResult<User>([.. items.Select(user => user.ToModel())], total, page, size);
    }

    /// <exception cref="Core.ConflictException">The e-mail address is taken.</exception>
    public async Task<User> CreateAsync(UserCreate request, CancellationToken cancellationToken = default)
    {
        var now = Now();
        var user = new UserEntity
        {
            Id = Guid.CreateVersion7(now),
            Email = NormalizeEmail(request.Email),
            Name = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await users.AddAsync(user, cancellationToken);
        return user.ToModel();
    }

    /// <exception cref="Core.ConflictException">The new e-mail address is taken.</exception>
    public async Task<User?> UpdateAsync(Guid id, UserUpdate request, CancellationToken cancellationToken = default)
    {
        var updated = await users.UpdateAsync(id, user =>
        {
            if (request is { HasEmail: true, Email: { } email })
            {
                user.Email = NormalizeEmail(email);
            }

            if (request is { HasName: true, Name: { } name })
            {
                user.Name = name.Trim();
            }

            user.UpdatedAt = Now();
        }, cancellationToken);
        return updated?.ToModel();
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        users.DeleteAsync(id, cancellationToken);

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    // Microseconds: the precision every supported database keeps, so a stored time reads back equal.
    private DateTime Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
