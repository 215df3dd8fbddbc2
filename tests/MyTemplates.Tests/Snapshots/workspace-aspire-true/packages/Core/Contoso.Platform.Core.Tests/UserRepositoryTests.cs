using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Core.TestSupport;

namespace Contoso.Platform.Core.Tests;

/// <summary>The repository against a real, freshly migrated database of the configured provider.</summary>
public sealed class UserRepositoryTests : IAsyncLifetime
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
    public async Task Added_user_can_be_found_with_its_timestamps_in_utc()
    {
        var user = NewUser("ada@example.com", Start);
        await Repository().AddAsync(user, [], TestContext.Current.CancellationToken);

        var found = await Repository().FindAsync(user.Id, TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal("ada@example.com", found.Email);
        Assert.Equal(Start, found.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
    }

    [Fact]
    public async Task A_user_and_its_jobs_are_stored_together_or_not_at_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = NewUser("ada@example.com", Start);
        await Repository().AddAsync(user, [NewJob(user)], ct);

        var twin = NewUser("ada@example.com", Start);
        await Assert.ThrowsAsync<ConflictException>(() => Repository().AddAsync(twin, [NewJob(twin)], ct));

        await using var db = database.CreateDbContext();
        Assert.Equal([user.Id], db.Users.Select(u => u.Id));
        Assert.Equal([user.Id], db.Jobs.AsEnumerable().Select(job => job.ToModel().PayloadAs<Guid>()));
    }

    [Fact]
    public async Task A_taken_email_is_a_conflict_on_add_and_on_update()
    {
        var ct = TestContext.Current.CancellationToken;
        await Repository().AddAsync(NewUser("ada@example.com", Start), [], ct);
        var other = NewUser("grace@example.com", Start);
        await Repository().AddAsync(other, [], ct);

        await Assert.ThrowsAsync<ConflictException>(() => Repository().AddAsync(NewUser("ada@example.com", Start), [], ct));
        await Assert.ThrowsAsync<ConflictException>(() => Repository().UpdateAsync(other.Id, u => u.Email = "ada@example.com", ct));
    }

    [Fact]
    public async Task List_pages_by_creation_time_then_id_and_counts_all()
    {
        var ct = TestContext.Current.CancellationToken;
        var users = Enumerable.Range(0, 5).Select(i => NewUser($"u{i}@example.com", Start.AddMinutes(-i))).ToList();
        foreach (var user in users)
        {
            await Repository().AddAsync(user, [], ct);
        }

        var (items, total) = await Repository().ListAsync(page: 2, size: 2, ct);

        Assert.Equal(5, total);
        Assert.Equal(["u2@example.com", "u1@example.com"], items.Select(u => u.Email));
    }

    [Fact]
    public async Task Update_and_delete_change_the_stored_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = NewUser("ada@example.com", Start);
        await Repository().AddAsync(user, [], ct);

        await Repository().UpdateAsync(user.Id, u => u.Name = "Ada King", ct);
        Assert.Equal("Ada King", (await Repository().FindAsync(user.Id, ct))?.Name);

        Assert.True(await Repository().DeleteAsync(user.Id, ct));
        Assert.False(await Repository().DeleteAsync(user.Id, ct));
        Assert.Null(await Repository().FindAsync(user.Id, ct));
    }

    // A new context for every call, as each request gets its own in the app.
    private UserRepository Repository()
    {
        var context = database.CreateDbContext();
        contexts.Add(context);
        return new UserRepository(context);
    }

    private static JobEntity NewJob(UserEntity user) => JobMapping.NewJob("test", user.Id, Start);

    private static UserEntity NewUser(string email, DateTime createdAt) =>
        new() { Id = Guid.CreateVersion7(), Email = email, Name = "Ada", CreatedAt = createdAt, UpdatedAt = createdAt };
}
