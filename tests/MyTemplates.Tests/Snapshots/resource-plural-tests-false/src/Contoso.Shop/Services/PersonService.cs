using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;

namespace Contoso.Shop.Services;

/// <summary>The business rules for people: names are stored trimmed and are unique.</summary>
public sealed partial class PersonService(IPersonRepository repository, TimeProvider clock, ILogger<PersonService> logger)
{
    public async Task<Person?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await repository.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<Person>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await repository.ListAsync(page, size, cancellationToken);
        return new PagedResult<Person>([.. items.Select(person => person.ToModel())], total, page, size);
    }

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    public async Task<Person> CreateAsync(CreatePersonRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        var person = new PersonEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await repository.AddAsync(person, cancellationToken);
        LogCreated(person.Id);
        return person.ToModel();
    }

    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    public async Task<Person?> UpdateAsync(Guid id, UpdatePersonRequest request, CancellationToken cancellationToken = default)
    {
        var updated = await repository.UpdateAsync(id, person =>
        {
            if (request is { HasName: true, Name: { } name })
            {
                person.Name = name.Trim();
            }

            person.UpdatedAt = clock.GetUtcNowForStorage();
        }, cancellationToken);
        return updated?.ToModel();
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var deleted = await repository.DeleteAsync(id, cancellationToken);
        if (deleted)
        {
            LogDeleted(id);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created person {PersonId}")]
    private partial void LogCreated(Guid personId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted person {PersonId}")]
    private partial void LogDeleted(Guid personId);
}
