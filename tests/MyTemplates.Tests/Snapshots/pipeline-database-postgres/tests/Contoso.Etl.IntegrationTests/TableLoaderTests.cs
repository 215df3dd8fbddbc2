using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.TestSupport;

namespace Contoso.Etl.IntegrationTests;

/// <summary>The table loader against a real database of the configured provider: the users table and a second, test-only one.</summary>
public sealed class TableLoaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private TestDatabase database = null!;
    private TableLoader loader = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        loader = new TableLoader(database.ConnectionString);
        await loader.EnsureTableAsync(UserTable.Map, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        loader.Dispose();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Ensuring_the_table_again_keeps_its_rows()
    {
        await loader.UpsertAsync(UserTable.Map, [new("u1", "a@x.io", "A", Created)], TestContext.Current.CancellationToken);

        await loader.EnsureTableAsync(UserTable.Map, TestContext.Current.CancellationToken);

        Assert.Equal(["u1|a@x.io|A|2024-01-02T03:04:05.0000000Z"], await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_row_with_a_key_already_in_the_table_overwrites_it_and_other_rows_are_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await loader.UpsertAsync(UserTable.Map, [new User("u0", "kept@x.io", "Kept", Created), new User("u1", "a@x.io", "A", Created)], ct);

        await loader.UpsertAsync(UserTable.Map, [new User("u1", "a2@x.io", "A2", Created.AddHours(1)), new User("u2", "b@x.io", "B", Created)], ct);

        Assert.Equal(
            ["u0|kept@x.io|Kept|2024-01-02T03:04:05.0000000Z", "u1|a2@x.io|A2|2024-01-02T04:04:05.0000000Z", "u2|b@x.io|B|2024-01-02T03:04:05.0000000Z"],
            await database.ReadUsersAsync());
    }

    [Fact]
    public async Task Loading_the_same_rows_twice_gives_the_same_table()
    {
        User[] batch = [new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created)];
        await loader.UpsertAsync(UserTable.Map, batch, TestContext.Current.CancellationToken);
        var first = await database.ReadUsersAsync();

        await loader.UpsertAsync(UserTable.Map, batch, TestContext.Current.CancellationToken);

        Assert.Equal(first, await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_large_batch_is_loaded_whole()
    {
        // Many rows in one transaction, with non-ASCII text: each arrives as it was.
        var batch = Enumerable.Range(0, 1234)
            .Select(n => new User($"u{n}", $"user{n}@example.com", $"Zoë Nguyễn {n}", Created.AddSeconds(n)))
            .ToArray();

        await loader.UpsertAsync(UserTable.Map, batch, TestContext.Current.CancellationToken);

        var expected = batch.Select(user => $"{user.Id}|{user.Email}|{user.Name}|{user.CreatedAt.UtcDateTime:O}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, (await database.ReadUsersAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Several_loaders_at_once_with_overlapping_keys_in_different_orders_all_finish_with_one_row_per_key()
    {
        // Three copies of the app, each loading every key in batches, in its own order: each batch's locks meet the others'.
        var ct = TestContext.Current.CancellationToken;
        var keys = Enumerable.Range(0, 3_000).Select(n => $"k{n:D5}").ToArray();
        var copies = Enumerable.Range(0, 3).Select(async copy =>
        {
            using var own = new TableLoader(database.ConnectionString);
            await own.EnsureTableAsync(UserTable.Map, ct);
            var order = keys.OrderBy(key => HashCode.Combine(key, copy)).ToArray();
            foreach (var batch in order.Chunk(500))
            {
                await own.UpsertAsync(UserTable.Map, [.. batch.Select(key => new User(key, $"{key}@copy{copy}.io", $"Copy {copy}", Created))], ct);
            }
        });

        await Task.WhenAll(copies);

        var rows = await database.ReadUsersAsync();
        Assert.Equal(keys, rows.Select(row => row.Split('|')[0]));
    }

    [Fact]
    public async Task A_second_table_needs_only_its_map_and_keeps_integers_and_decimals_exactly()
    {
        var ct = TestContext.Current.CancellationToken;
        await loader.EnsureTableAsync(Order.Map, ct);

        await loader.UpsertAsync(Order.Map, [new Order("o1", "u1", Created, 2, 0.1m), new Order("o2", "u1", Created, long.MaxValue, 12345678901234567.89m)], ct);
        await loader.UpsertAsync(Order.Map, [new Order("o1", "u2", Created.AddDays(1), -3, 19.99m)], ct);

        Assert.Equal(
            ["o1|u2|2024-01-03T03:04:05.0000000Z|-3|19.99", $"o2|u1|2024-01-02T03:04:05.0000000Z|{long.MaxValue}|12345678901234567.89"],
            await database.ReadTableAsync("orders", "order_id", "user_id", "placed_at", "quantity", "amount"));
    }

    /// <summary>A test-only entity: an order of a user, keyed by its own id.</summary>
    private sealed record Order(string Id, string UserId, DateTimeOffset PlacedAt, long Quantity, decimal Amount)
    {
        public static readonly TableMap<Order> Map = new("orders", key: "order_id",
        [
            new("order_id", ColumnType.Text, order => order.Id),
            new("user_id", ColumnType.Text, order => order.UserId),
            new("placed_at", ColumnType.Timestamp, order => order.PlacedAt),
            new("quantity", ColumnType.Integer, order => order.Quantity),
            new("amount", ColumnType.Decimal, order => order.Amount),
        ]);
    }
}
