using Contoso.Shop.Core;
using Contoso.Shop.Db;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Shop.Repositories;

public sealed class ProductRepository(AppDbContext db) : IProductRepository
{
    // Compiled once: the hottest read skips EF Core's per-call query cache lookup.
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<ProductEntity?>> FindById =
        EF.CompileAsyncQuery((AppDbContext context, Guid id, CancellationToken _) =>
            context.Set<ProductEntity>().AsNoTracking().FirstOrDefault(product => product.Id == id));

    private DbSet<ProductEntity> Products => db.Set<ProductEntity>();

    public Task<ProductEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindById(db, id, cancellationToken);

    public async Task<(IReadOnlyList<ProductEntity> Items, int Total)> ListAsync(
        int page, int size, CancellationToken cancellationToken = default)
    {
        var total = await Products.CountAsync(cancellationToken);
        var items = await Products.AsNoTracking()
            .OrderBy(product => product.CreatedAt).ThenBy(product => product.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task AddAsync(ProductEntity product, CancellationToken cancellationToken = default)
    {
        Products.Add(product);
        await SaveAsync(product.Name, cancellationToken);
    }

    public async Task<ProductEntity?> UpdateAsync(Guid id, Action<ProductEntity> change, CancellationToken cancellationToken = default)
    {
        var product = await Products.FindAsync([id], cancellationToken);
        if (product is null)
        {
            return null;
        }

        change(product);
        await SaveAsync(product.Name, cancellationToken);
        return product;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        await Products.Where(product => product.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task SaveAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            throw new ConflictException($"Another product is named '{name}'.");
        }
    }
}
