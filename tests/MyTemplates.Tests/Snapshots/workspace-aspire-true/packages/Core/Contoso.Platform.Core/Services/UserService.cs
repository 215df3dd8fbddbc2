using Contoso.Platform.Core;
using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Microsoft.Extensions.Logging;

[assembly: CoreResource<UserService, IUserRepository, UserRepository>]

namespace Contoso.Platform.Core.Services;

/// <summary>
/// The business rules for users: e-mail addresses are stored trimmed, lower-case and unique, and every
/// new user gets a welcome message, sent by a worker.
/// </summary>
public sealed partial class UserService(IUserRepository users, TimeProvider clock, ILogger<UserService> logger)
{
    public async Task<User?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await users.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<User>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await users.ListAsync(page, size, cancellationToken);
        return new PagedResult<User>([.. items.Select(user => user.ToModel())], total, page, size);
    }

    /// <exception cref="ConflictException">The e-mail address is taken.</exception>
    public async Task<User> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
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
        var welcome = JobMapping.NewJob(WelcomeMessage.Kind, new WelcomeMessage(user.Id, user.Email, user.Name), now);
        await users.AddAsync(user, [welcome], cancellationToken);
        LogCreated(user.Id);
        return user.ToModel();
    }

    /// <exception cref="ConflictException">The new e-mail address is taken.</exception>
    public async Task<User?> UpdateAsync(Guid id, UpdateUserRequest request, CancellationToken cancellationToken = default)
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

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var deleted = await users.DeleteAsync(id, cancellationToken);
        if (deleted)
        {
            LogDeleted(id);
        }

        return deleted;
    }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private DateTime Now() => clock.GetUtcNowForStorage();

    [LoggerMessage(Level = LogLevel.Information, Message = "Created user {UserId}")]
    private partial void LogCreated(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted user {UserId}")]
    private partial void LogDeleted(Guid userId);
}
