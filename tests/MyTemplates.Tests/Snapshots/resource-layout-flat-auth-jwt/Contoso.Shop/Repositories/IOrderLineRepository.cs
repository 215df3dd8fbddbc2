using Contoso.Shop.Db;

namespace Contoso.Shop.Repositories;

public interface IOrderLineRepository
{
    Task<OrderLineEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of order lines, oldest first, and the number of order lines in all.</summary>
    Task<(IReadOnlyList<OrderLineEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default);

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    Task AddAsync(OrderLineEntity orderLine, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="change"/> to the stored order line; null when there is none.</summary>
    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    Task<OrderLineEntity?> UpdateAsync(Guid id, Action<OrderLineEntity> change, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}
