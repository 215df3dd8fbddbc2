using Contoso.Shop.Core;
using Contoso.Shop.Db;
using Contoso.Shop.Repositories;
using Contoso.Shop.TestSupport;

namespace Contoso.Shop.IntegrationTests;

/// <summary>The repository against a real, freshly migrated database of the configured provider.</summary>
public sealed class ProductRepositoryTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly List<AppDbContext> contexts = [];
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task An_added_row_can_be_found_with_its_timestamps_in_utc()
    {
        var product = New("First", Start);
        await Repository().AddAsync(product, TestContext.Current.CancellationToken);

        var found = await Repository().FindAsync(product.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal("First", found.Name);
        Assert.Equal(Start, found.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
    }

    [Fact]
    public async Task A_taken_name_is_a_conflict_on_add_and_on_update()
    {
        var ct = TestContext.Current.CancellationToken;
        await Repository().AddAsync(New("First", Start), ct);
        var other = New("Second", Start);
        await Repository().AddAsync(other, ct);

        await Assert.ThrowsAsync<ConflictException>(() => Repository().AddAsync(New("First", Start), ct));
        await Assert.ThrowsAsync<ConflictException>(() => Repository().UpdateAsync(other.Id, entity => entity.Name = "First", ct));
    }

    [Fact]
    public async Task List_pages_by_creation_time_then_id_and_counts_all()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var i in Enumerable.Range(0, 5))
        {
            await Repository().AddAsync(New($"n{i}", Start.AddMinutes(-i)), ct);
        }

        var (items, total) = await Repository().ListAsync(page: 2, size: 2, ct);

        Assert.Equal(5, total);
        Assert.Equal(["n2", "n1"], items.Select(entity => entity.Name));
    }

    [Fact]
    public async Task Update_and_delete_change_the_stored_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var product = New("First", Start);
        await Repository().AddAsync(product, ct);

        await Repository().UpdateAsync(product.Id, entity => entity.Name = "Second", ct);
        Assert.Equal("Second", (await Repository().FindAsync(product.Id, ct))?.Name);

        Assert.True(await Repository().DeleteAsync(product.Id, ct));
        Assert.False(await Repository().DeleteAsync(product.Id, ct));
        Assert.Null(await Repository().FindAsync(product.Id, ct));
    }

    // A new context for every call, as each request gets its own in the app.
    private ProductRepository Repository()
    {
        var context = database.CreateDbContext();
        contexts.Add(context);
        return new ProductRepository(context);
    }

    private static ProductEntity New(string name, DateTime createdAt) =>
        new() { Id = Guid.CreateVersion7(), Name = name, CreatedAt = createdAt, UpdatedAt = createdAt };
}
