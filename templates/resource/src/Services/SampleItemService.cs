#if (Workspace)
using Company.WebApi;
#endif
using Company.WebApi.Db;
using Company.WebApi.Models;
using Company.WebApi.Repositories;
#if (Workspace)
using Company.WebApi.Services;
using Microsoft.Extensions.Logging;

[assembly: CoreResource<SampleItemService, ISampleItemRepository, SampleItemRepository>]
#endif

namespace Company.WebApi.Services;

/// <summary>The business rules for sample items: names are stored trimmed and are unique.</summary>
public sealed partial class SampleItemService(ISampleItemRepository repository, TimeProvider clock, ILogger<SampleItemService> logger)
{
    public async Task<SampleItem?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await repository.FindAsync(id, cancellationToken))?.ToModel();

    public async Task<PagedResult<SampleItem>> ListAsync(int page, int size, CancellationToken cancellationToken = default)
    {
        var (items, total) = await repository.ListAsync(page, size, cancellationToken);
        return new PagedResult<SampleItem>([.. items.Select(sampleItem => sampleItem.ToModel())], total, page, size);
    }

    /// <exception cref="Core.ConflictException">The name is taken.</exception>
    public async Task<SampleItem> CreateAsync(CreateSampleItemRequest request, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNowForStorage();
        var sampleItem = new SampleItemEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await repository.AddAsync(sampleItem, cancellationToken);
        LogCreated(sampleItem.Id);
        return sampleItem.ToModel();
    }

    /// <exception cref="Core.ConflictException">The new name is taken.</exception>
    public async Task<SampleItem?> UpdateAsync(Guid id, UpdateSampleItemRequest request, CancellationToken cancellationToken = default)
    {
        var updated = await repository.UpdateAsync(id, sampleItem =>
        {
            if (request is { HasName: true, Name: { } name })
            {
                sampleItem.Name = name.Trim();
            }

            sampleItem.UpdatedAt = clock.GetUtcNowForStorage();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Created sample item {SampleItemId}")]
    private partial void LogCreated(Guid sampleItemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted sample item {SampleItemId}")]
    private partial void LogDeleted(Guid sampleItemId);
}
