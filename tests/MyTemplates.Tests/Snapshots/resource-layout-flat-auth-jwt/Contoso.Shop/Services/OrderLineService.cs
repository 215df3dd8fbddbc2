using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;

namespace Contoso.Shop.Services;

/// <summary>The business rules for order lines: names are stored trimmed and are unique.</summary>
public sealed partial class OrderLineService(IOrderLineRepository repository, TimeProvider clock, ILogger<OrderLineService> logger)
{
    public async Task<OrderLine?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await repository.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<OrderLine>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await repository.ListAsync(page, size, cancellationToken);
        return new PagedResult<OrderLine>([.. items.Select(orderLine => orderLine.ToModel())], total, page, size);
    }

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    public async Task<OrderLine> CreateAsync(CreateOrderLineRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        var orderLine = new OrderLineEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await repository.AddAsync(orderLine, cancellationToken);
        LogCreated(orderLine.Id);
        return orderLine.ToModel();
    }

    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    public async Task<OrderLine?> UpdateAsync(Guid id, UpdateOrderLineRequest request, CancellationToken cancellationToken = default)
    {
        var updated = await repository.UpdateAsync(id, orderLine =>
        {
            if (request is { HasName: true, Name: { } name })
            {
                orderLine.Name = name.Trim();
            }

            orderLine.UpdatedAt = clock.GetUtcNowForStorage();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created order line {OrderLineId}")]
    private partial void LogCreated(Guid orderLineId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted order line {OrderLineId}")]
    private partial void LogDeleted(Guid orderLineId);
}
