using Contoso.Shop.Core;
using Contoso.Shop.Db;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop.Repositories;

public sealed class PersonRepository(AppDbContext db) : IPersonRepository
{
    // Compiled once: the hottest read skips EF Core's per-call query cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<PersonEntity?>> FindById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Set<PersonEntity>().AsNoTracking().FirstOrDefault(person => person.Id == id));

    private DbSet<PersonEntity> People => db.Set<PersonEntity>();

    public Task<PersonEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindById(db, id, cancellationToken);

    public async Task<(IReadOnlyList<PersonEntity> Items, int Total)> ListAsync(
        int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await People.CountAsync(cancellationToken);
        var items = await People.AsNoTracking()
            .OrderBy(person => person.CreatedAt).ThenBy(person => person.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task AddAsync(PersonEntity person, CancellationToken cancellationToken = default)
    {
        People.Add(person);
        await SaveAsync(person.Name, cancellationToken);
    }

    public async Task<PersonEntity?> UpdateAsync(Guid id, Action<PersonEntity> change, CancellationToken cancellationToken = default)
    {
        var person = await People.FindAsync([id], cancellationToken);
        if (person is null)
        {
            return null;
        }

        change(person);
        await SaveAsync(person.Name, cancellationToken);
        return person;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        await People.Where(person => person.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException($"Another person is named '{name}'.");
        }
    }
}
