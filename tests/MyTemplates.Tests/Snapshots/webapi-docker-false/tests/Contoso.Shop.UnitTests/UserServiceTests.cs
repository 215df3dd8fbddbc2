using Contoso.Shop.Core;
using Contoso.Shop.Db;
using Contoso.Shop.Models;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;
using Contoso.Shop.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contoso.Shop.UnitTests;

public sealed class UserServiceTests
{
    private readonly InMemoryUserRepository repository = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly UserService service;

    public UserServiceTests() => service = new UserService(repository, clock, NullLogger<UserService>.Instance);

    [Fact]
    public async Task Create_trims_and_lower_cases_the_email_and_trims_the_name()
    {
        var user = await service.CreateAsync(new UserBuilder().WithEmail("  Ada@Example.COM ").WithName("  Ada  ").Build(),
            TestContext.Current.CancellationToken);

        Assert.Equal("ada@example.com", user.Email);
        Assert.Equal("Ada", user.Name);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, user.CreatedAt);
        Assert.Equal(user.CreatedAt, user.UpdatedAt);
        Assert.NotEqual(Guid.Empty, user.Id);
    }

    [Fact]
    public async Task Update_changes_only_the_fields_that_are_present()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await service.CreateAsync(new UserBuilder().WithName("Ada").Build(), ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await service.UpdateAsync(created.Id, new UserUpdate { Name = " Ada King " }, ct);

        Assert.NotNull(updated);
        Assert.Equal("Ada King", updated.Name);
        Assert.Equal(created.Email, updated.Email);
        Assert.Equal(created.CreatedAt.AddMinutes(1), updated.UpdatedAt);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_user_find_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await service.UpdateAsync(Guid.NewGuid(), new UserUpdate { Name = "x" }, ct));
        Assert.False(await service.DeleteAsync(Guid.NewGuid(), ct));
    }

    [Fact]
    public async Task Create_passes_a_conflict_on_to_the_caller()
    {
        var ct = TestContext.Current.CancellationToken;
        await service.CreateAsync(new UserBuilder().WithEmail("ada@example.com").Build(), ct);

        await Assert.ThrowsAsync<ConflictException>(() =>
            service.CreateAsync(new UserBuilder().WithEmail("ADA@example.com").Build(), ct));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>Just enough of a repository to test the service's rules; the real one is tested against a database.</summary>
    private sealed class InMemoryUserRepository : IUserRepository
    {
        private readonly Dictionary<Guid, UserEntity> users = [];

        public Task<UserEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(users.GetValueOrDefault(id));

        public Task<(IReadOnlyList<UserEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default) =>
            Task.FromResult<(IReadOnlyList<UserEntity>, int)>(
                ([.. users.Values.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size)], users.Count));

        public Task AddAsync(UserEntity user, CancellationToken cancellationToken = default)
        {
            ThrowIfTaken(user.Email, user.Id);
            users.Add(user.Id, user);
            return Task.CompletedTask;
        }

        public Task<UserEntity?> UpdateAsync(Guid id, Action<UserEntity> change, CancellationToken cancellationToken = default)
        {
            if (!users.TryGetValue(id, out var user))
            {
                return Task.FromResult<UserEntity?>(null);
            }

            change(user);
            ThrowIfTaken(user.Email, id);
            return Task.FromResult<UserEntity?>(user);
        }

        public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(users.Remove(id));

        private void ThrowIfTaken(string email, Guid id)
        {
            if (users.Values.Any(u => u.Email == email && u.Id != id))
            {
                throw new ConflictException($"A user with e-mail '{email}' already exists.");
            }
        }
    }
}
