using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contoso.Shop.UnitTests;

public sealed class OrderLineServiceTests
{
    private readonly InMemoryOrderLineRepository repository = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly OrderLineService service;

    public OrderLineServiceTests() => service = new OrderLineService(repository, clock, NullLogger<OrderLineService>.Instance);

    [Fact]
    public async Task Create_trims_the_name_and_stamps_both_times()
    {
        var orderLine = await service.CreateAsync(new CreateOrderLineRequest { Name = "  First  " }, TestContext.Current.CancellationToken);

        Assert.Equal("First", orderLine.Name);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, orderLine.CreatedAt);
        Assert.Equal(orderLine.CreatedAt, orderLine.UpdatedAt);
        Assert.NotEqual(Guid.Empty, orderLine.Id);
    }

    [Fact]
    public async Task Update_changes_the_name_and_the_update_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await service.CreateAsync(new CreateOrderLineRequest { Name = "First" }, ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await service.UpdateAsync(created.Id, new UpdateOrderLineRequest { Name = " Second " }, ct);

        Assert.NotNull(updated);
        Assert.Equal("Second", updated.Name);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(created.CreatedAt.AddMinutes(1), updated.UpdatedAt);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_id_find_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await service.UpdateAsync(Guid.NewGuid(), new UpdateOrderLineRequest { Name = "x" }, ct));
        Assert.False(await service.DeleteAsync(Guid.NewGuid(), ct));
    }

    [Theory]
    [InlineData("""{"name":"First"}""", true)]
    [InlineData("""{"name":"   "}""", false)]
    [InlineData("""{"name":""}""", false)]
    [InlineData("{}", false)]
    public void Create_requires_a_name(string json, bool valid) =>
        Assert.Equal(valid, IsValid(JsonSerializer.Deserialize<CreateOrderLineRequest>(json, JsonSerializerOptions.Web)!));

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"name":"Second"}""", true)]
    [InlineData("""{"name":null}""", false)]
    [InlineData("""{"name":"  "}""", false)]
    public void Update_checks_only_the_fields_that_are_present(string json, bool valid) =>
        Assert.Equal(valid, IsValid(JsonSerializer.Deserialize<UpdateOrderLineRequest>(json, JsonSerializerOptions.Web)!));

    [Fact]
    public void The_name_is_at_most_its_maximum_length()
    {
        Assert.True(IsValid(new CreateOrderLineRequest { Name = new string('n', OrderLineRules.NameMaxLength) }));
        Assert.False(IsValid(new CreateOrderLineRequest { Name = new string('n', OrderLineRules.NameMaxLength + 1) }));
    }

    private static bool IsValid(object model) =>
        Validator.TryValidateObject(model, new ValidationContext(model), [], validateAllProperties: true);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>Stores order lines and nothing more: the database's rules (a unique name) are tested against a real one.</summary>
    private sealed class InMemoryOrderLineRepository : IOrderLineRepository
    {
        private readonly Dictionary<Guid, OrderLineEntity> stored = [];

        public Task<OrderLineEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(stored.GetValueOrDefault(id));

        public Task<(IReadOnlyList<OrderLineEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default) =>
            Task.FromResult<(IReadOnlyList<OrderLineEntity>, int)>(
                ([.. stored.Values.OrderBy(entity => entity.CreatedAt).ThenBy(entity => entity.Id).Skip((page - 1) * size).Take(size)], stored.Count));

        public Task AddAsync(OrderLineEntity orderLine, CancellationToken cancellationToken = default)
        {
            stored.Add(orderLine.Id, orderLine);
            return Task.CompletedTask;
        }

        public Task<OrderLineEntity?> UpdateAsync(Guid id, Action<OrderLineEntity> change, CancellationToken cancellationToken = default)
        {
            if (!stored.TryGetValue(id, out var orderLine))
            {
                return Task.FromResult<OrderLineEntity?>(null);
            }

            change(orderLine);
            return Task.FromResult<OrderLineEntity?>(orderLine);
        }

        public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(stored.Remove(id));
    }
}
