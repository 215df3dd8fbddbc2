using Contoso.Shop.Core;
using Contoso.Shop.Db;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop.Repositories;

public sealed class OrderLineRepository(AppDbContext db) : IOrderLineRepository
{
    // Compiled once: the hottest read skips EF Core's per-call query cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<OrderLineEntity?>> FindById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Set<OrderLineEntity>().AsNoTracking().FirstOrDefault(orderLine => orderLine.Id == id));

    private DbSet<OrderLineEntity> OrderLines => db.Set<OrderLineEntity>();

    public Task<OrderLineEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindById(db, id, cancellationToken);

    public async Task<(IReadOnlyList<OrderLineEntity> Items, int Total)> ListAsync(
        int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await OrderLines.CountAsync(cancellationToken);
        var items = await OrderLines.AsNoTracking()
            .OrderBy(orderLine => orderLine.CreatedAt).ThenBy(orderLine => orderLine.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task AddAsync(OrderLineEntity orderLine, CancellationToken cancellationToken = default)
    {
        OrderLines.Add(orderLine);
        await SaveAsync(orderLine.Name, cancellationToken);
    }

    public async Task<OrderLineEntity?> UpdateAsync(Guid id, Action<OrderLineEntity> change, CancellationToken cancellationToken = default)
    {
        var orderLine = await OrderLines.FindAsync([id], cancellationToken);
        if (orderLine is null)
        {
            return null;
        }

        change(orderLine);
        await SaveAsync(orderLine.Name, cancellationToken);
        return orderLine;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        await OrderLines.Where(orderLine => orderLine.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException($"Another order line is named '{name}'.");
        }
    }
}
