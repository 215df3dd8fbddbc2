using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Core.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Contoso.Platform.Core.Tests;

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
    public async Task Create_stores_a_welcome_message_job_with_the_user()
    {
        var user = await service.CreateAsync(new UserBuilder().WithEmail("Ada@Example.com").Build(), TestContext.Current.CancellationToken);

        var job = Assert.Single(repository.Jobs);
        Assert.Equal((WelcomeMessage.Kind, JobStatus.Pending, clock.GetUtcNow().UtcDateTime), (job.Kind, job.Status, job.RunAfter));
        Assert.Equal(new WelcomeMessage(user.Id, "ada@example.com", user.Name), job.ToModel().PayloadAs<WelcomeMessage>());
    }

    [Fact]
    public async Task Update_changes_only_the_fields_that_are_present()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await service.CreateAsync(new UserBuilder().WithName("Ada").Build(), ct);
        clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await service.UpdateAsync(created.Id, new UpdateUserRequest { Name = " Ada King " }, ct);

        Assert.NotNull(updated);
        Assert.Equal("Ada King", updated.Name);
        Assert.Equal(created.Email, updated.Email);
        Assert.Equal(created.CreatedAt.AddMinutes(1), updated.UpdatedAt);
    }

    [Fact]
    public async Task Update_and_delete_of_an_unknown_user_find_nothing()
    {
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await service.UpdateAsync(Guid.NewGuid(), new UpdateUserRequest { Name = "x" }, ct));
        Assert.False(await service.DeleteAsync(Guid.NewGuid(), ct));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    /// <summary>Stores users and nothing more: the database's rules (a unique e-mail) are tested against a real one.</summary>
    private sealed class InMemoryUserRepository : IUserRepository
    {
        private readonly Dictionary<Guid, UserEntity> users = [];

        public List<JobEntity> Jobs { get; } = [];

        public Task<UserEntity?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(users.GetValueOrDefault(id));

        public Task<(IReadOnlyList<UserEntity> Items, int Total)> ListAsync(int page, int size, CancellationToken cancellationToken = default) =>
            Task.FromResult<(IReadOnlyList<UserEntity>, int)>(
                ([.. users.Values.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size)], users.Count));

        public Task AddAsync(UserEntity user, IReadOnlyCollection<JobEntity> jobs, CancellationToken cancellationToken = default)
        {
            users.Add(user.Id, user);
            Jobs.AddRange(jobs);
            return Task.CompletedTask;
        }

        public Task<UserEntity?> UpdateAsync(Guid id, Action<UserEntity> change, CancellationToken cancellationToken = default)
        {
            if (!users.TryGetValue(id, out var user))
            {
                return Task.FromResult<UserEntity?>(null);
            }

            change(user);
            return Task.FromResult<UserEntity?>(user);
        }

        public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
            Task.FromResult(users.Remove(id));
    }
}
