using Contoso.Shop.Db;

namespace Contoso.Shop.Repositories;

public interface IProductRepository
{
    Task<ProductEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of products, oldest first, and the number of products in all.</summary>
    Task<(IReadOnlyList<ProductEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    Task AddAsync(ProductEntity product, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored product; null when there is none.</summary>
    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    Task<ProductEntity?> UpdateAsync(Guid id, Action<ProductEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
