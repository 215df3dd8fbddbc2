using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;

namespace Contoso.Shop.Services;

/// <summary>The business rules for products: names are stored trimmed and are unique.</summary>
public sealed partial class ProductService(IProductRepository repository, TimeProvider clock, ILogger<ProductService> logger)
{
    public async Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await repository.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<Product>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await repository.ListAsync(page, size, cancellationToken);
        return new PagedResult<Product>([.. items.Select(product => product.ToModel())], total, page, size);
    }

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    public async Task<Product> CreateAsync(CreateProductRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        var product = new ProductEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await repository.AddAsync(product, cancellationToken);
        LogCreated(product.Id);
        return product.ToModel();
    }

    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    public async Task<Product?> UpdateAsync(Guid id, UpdateProductRequest request, CancellationToken cancellationToken = default)
    {
        var updated = await repository.UpdateAsync(id, product =>
        {
            if (request is { HasName: true, Name: { } name })
            {
                product.Name = name.Trim();
            }

            product.UpdatedAt = clock.GetUtcNowForStorage();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created product {ProductId}")]
    private partial void LogCreated(Guid productId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted product {ProductId}")]
    private partial void LogDeleted(Guid productId);
}
