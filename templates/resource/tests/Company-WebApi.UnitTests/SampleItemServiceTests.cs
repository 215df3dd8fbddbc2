using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Company.WebApi.Db;
using Company.WebApi.Models;
using Company.WebApi.Repositories;
using Company.WebApi.Services;
using Microsoft.Extensions.Logging.Abstractions;

namespace Company.WebApi.UnitTests;

public sealed class SampleItemServiceTests
{
    private readonly InMemorySampleItemRepository repository = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly SampleItemService service;

    public SampleItemServiceTests() => service = new SampleItemService(repository, clock, NullLogger<SampleItemService>.Instance);

    [Fact]
    public async Task Create_trims_the_name_and_stamps_both_times()
    {
        var sampleItem = await service.CreateAsync(new CreateSampleItemRequest { Name = "  First  " }, TestContext.Current.CancellationToken);

        Assert.Equal("First", sampleItem.Name);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sampleItem.CreatedAt);
        Assert.Equal(sampleItem.CreatedAt, sampleItem.UpdatedAt);
        Assert.NotEqual(Guid.Empty, sampleItem.Id);
    }

    [Fact]
    public async Task Update_changes_the_name_and_the_update_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await service.CreateAsync(new CreateSampleItemRequest { Name = "First" }, ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await service.UpdateAsync(created.Id, new UpdateSampleItemRequest { Name = " Second " }, ct);

        Assert.NotNull(updated);
        Assert.Equal("Second", updated.Name);
        Assert.Equal(created.CreatedAt, updated.CreatedAt);
        Assert.Equal(created.CreatedAt.AddMinutes(1), updated.UpdatedAt);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_id_find_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await service.UpdateAsync(Guid.NewGuid(), new UpdateSampleItemRequest { Name = "x" }, ct));
        Assert.False(await service.DeleteAsync(Guid.NewGuid(), ct));
    }

    [Theory]
    [InlineData("""{"name":"First"}""", true)]
    [InlineData("""{"name":"   "}""", false)]
    [InlineData("""{"name":""}""", false)]
    [InlineData("{}", false)]
    public void Create_requires_a_name(string json, bool valid) =>
        Assert.Equal(valid, IsValid(JsonSerializer.Deserialize<CreateSampleItemRequest>(json, JsonSerializerOptions.Web)!));

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"name":"Second"}""", true)]
    [InlineData("""{"name":null}""", false)]
    [InlineData("""{"name":"  "}""", false)]
    public void Update_checks_only_the_fields_that_are_present(string json, bool valid) =>
        Assert.Equal(valid, IsValid(JsonSerializer.Deserialize<UpdateSampleItemRequest>(json, JsonSerializerOptions.Web)!));

    [Fact]
    public void The_name_is_at_most_its_maximum_length()
    {
        Assert.True(IsValid(new CreateSampleItemRequest { Name = new string('n', SampleItemRules.NameMaxLength) }));
        Assert.False(IsValid(new CreateSampleItemRequest { Name = new string('n', SampleItemRules.NameMaxLength + 1) }));
    }

    private static bool IsValid(object model) =>
        Validator.TryValidateObject(model, new ValidationContext(model), [], validateAllProperties: true);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>Stores sample items and nothing more: the database's rules (a unique name) are tested against a real one.</summary>
    private sealed class InMemorySampleItemRepository : ISampleItemRepository
    {
        private readonly Dictionary<Guid, SampleItemEntity> stored = [];

        public Task<SampleItemEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(stored.GetValueOrDefault(id));

        public Task<(IReadOnlyList<SampleItemEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default) =>
            Task.FromResult<(IReadOnlyList<SampleItemEntity>, int)>(
                ([.. stored.Values.OrderBy(entity => entity.CreatedAt).ThenBy(entity => entity.Id).Skip((page - 1) * size).Take(size)], stored.Count));

        public Task AddAsync(SampleItemEntity sampleItem, CancellationToken cancellationToken = default)
        {
            stored.Add(sampleItem.Id, sampleItem);
            return Task.CompletedTask;
        }

        public Task<SampleItemEntity?> UpdateAsync(Guid id, Action<SampleItemEntity> change, CancellationToken cancellationToken = default)
        {
            if (!stored.TryGetValue(id, out var sampleItem))
            {
                return Task.FromResult<SampleItemEntity?>(null);
            }

            change(sampleItem);
            return Task.FromResult<SampleItemEntity?>(sampleItem);
        }

        public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(stored.Remove(id));
    }
}
