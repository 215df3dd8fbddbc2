using Company.WebApi.Core;
using Company.WebApi.Db;
using Microsoft.EntityFrameworkCore;

namespace Company.WebApi.Repositories;

public sealed class SampleItemRepository(AppDbContext db) : ISampleItemRepository
{
    // Compiled once: the hottest read skips EF Core's per-call query cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<SampleItemEntity?>> FindById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Set<SampleItemEntity>().AsNoTracking().FirstOrDefault(sampleItem => sampleItem.Id == id));

    private DbSet<SampleItemEntity> SampleItems => db.Set<SampleItemEntity>();

    public Task<SampleItemEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindById(db, id, cancellationToken);

    public async Task<(IReadOnlyList<SampleItemEntity> Items, int Total)> ListAsync(
        int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await SampleItems.CountAsync(cancellationToken);
        var items = await SampleItems.AsNoTracking()
            .OrderBy(sampleItem => sampleItem.CreatedAt).ThenBy(sampleItem => sampleItem.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task AddAsync(SampleItemEntity sampleItem, CancellationToken cancellationToken = default)
    {
        SampleItems.Add(sampleItem);
        await SaveAsync(sampleItem.Name, cancellationToken);
    }

    public async Task<SampleItemEntity?> UpdateAsync(Guid id, Action<SampleItemEntity> change, CancellationToken cancellationToken = default)
    {
        var sampleItem = await SampleItems.FindAsync([id], cancellationToken);
        if (sampleItem is null)
        {
            return null;
        }

        change(sampleItem);
        await SaveAsync(sampleItem.Name, cancellationToken);
        return sampleItem;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        await SampleItems.Where(sampleItem => sampleItem.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException($"Another sample item is named '{name}'.");
        }
    }
}
