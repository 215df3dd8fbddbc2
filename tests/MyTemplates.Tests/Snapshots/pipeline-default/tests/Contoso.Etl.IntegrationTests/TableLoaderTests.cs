using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.TestSupport;
using Microsoft.Data.Sqlite;

namespace Contoso.Etl.IntegrationTests;

/// <summary>The table loader against a real database of the configured provider: the users table and a second, test-only one.</summary>
public sealed class TableLoaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private TestDatabase database = null!;
    private TableLoader<User> users = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        users = new TableLoader<User>(UserTable.Map, database.ConnectionString);
        await users.EnsureTableAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        users.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Ensuring_the_table_again_keeps_its_rows()
    {
        await users.UpsertAsync([new("u1", "a@x.io", "A", Created)], TestContext.Current.CancellationToken);

        await users.EnsureTableAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["u1|a@x.io|A|2024-01-02T03:04:05.0000000Z"], await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_later_row_with_the_same_id_overwrites_an_earlier_one_in_and_across_batches_and_other_rows_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await users.UpsertAsync([new("u0", "kept@x.io", "Kept", Created)], ct);

        await users.UpsertAsync([new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created), new("u1", "a2@x.io", "A2", Created)], ct);
        await users.UpsertAsync([new User("u2", "b2@x.io", "B2", Created.AddHours(1))], ct);

        Assert.Equal(
            ["u0|kept@x.io|Kept|2024-01-02T03:04:05.0000000Z", "u1|a2@x.io|A2|2024-01-02T03:04:05.0000000Z", "u2|b2@x.io|B2|2024-01-02T04:04:05.0000000Z"],
            await database.ReadUsersAsync());
    }

    [Fact]
    public async Task Loading_the_same_rows_twice_gives_the_same_table()
    {
        User[] batch = [new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created)];
        await users.UpsertAsync(batch, TestContext.Current.CancellationToken);
        var first = await database.ReadUsersAsync();

        await users.UpsertAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(first, await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_large_batch_is_loaded_whole_with_its_last_row_of_each_id()
    {
        // Several statements' worth of rows and a remainder, non-ASCII text, and ids repeated across statements.
        var batch = Enumerable.Range(0, 1234)
            .Select(n => new User($"u{n % 1000}", $"user{n}@example.com", $"Zoë Nguyễn {n}", Created.AddSeconds(n)))
            .ToArray();

        await users.UpsertAsync(batch, TestContext.Current.CancellationToken);

        var expected = batch.GroupBy(user => user.Id).Select(group => group.Last())
            .Select(user => $"{user.Id}|{user.Email}|{user.Name}|{user.CreatedAt.UtcDateTime:O}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, (await database.ReadUsersAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_entity_needs_only_its_record_and_its_map()
    {
        var ct = TestContext.Current.CancellationToken;
        using var orders = new TableLoader<Order>(Order.Map, database.ConnectionString);
        await orders.EnsureTableAsync(ct);

        await orders.UpsertAsync([new("o1", "u1", Created), new("o2", "u1", Created), new("o1", "u2", Created.AddDays(1))], ct);

        Assert.Equal(
            ["o1|u2|2024-01-03T03:04:05.0000000Z", "o2|u1|2024-01-02T03:04:05.0000000Z"],
            await database.ReadTableAsync("orders", "order_id", "user_id", "placed_at"));
    }

    [Fact]
    public async Task Once_disposed_the_database_file_alone_holds_every_row()
    {
        // Pooled, as in the app: connections stay open until the loader is disposed.
        var pooled = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true };
        using (var loader = new TableLoader<User>(UserTable.Map, pooled.ConnectionString))
        {
            for (var batch = 0; batch < 5; batch++)
            {
                await loader.UpsertAsync([.. Enumerable.Range(batch * 1000, 1000).Select(n => new User($"u{n}", $"user{n}@example.com", "A", Created))],
                    TestContext.Current.CancellationToken);
            }
        }

        // The database file as it is on disk, without the write-ahead log.
        await using var connection = new SqliteConnection($"Data Source=file:{pooled.DataSource}?immutable=1;Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM users";
        Assert.Equal(5000L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A test-only entity: an order of a user, keyed by its own id.</summary>
    private sealed record Order(string Id, string UserId, DateTimeOffset PlacedAt)
    {
        public static readonly TableMap<Order> Map = new("orders", key: "order_id",
        [
            new("order_id", ColumnType.Text, order => order.Id),
            new("user_id", ColumnType.Text, order => order.UserId),
            new("placed_at", ColumnType.Timestamp, order => order.PlacedAt),
        ]);
    }
}
