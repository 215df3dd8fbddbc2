using Contoso.Etl.Config;
using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.IntegrationTests;

/// <summary>The loader against a real database of the configured provider.</summary>
public sealed class DbUserLoaderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private TestDatabase database = null!;
    private DbUserLoader loader = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        loader = new DbUserLoader(Options.Create(new PipelineOptions { ConnectionString = database.ConnectionString }));
        await loader.EnsureSchemaAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task The_table_is_created_when_missing_and_kept_when_present()
    {
        await loader.EnsureSchemaAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_later_row_with_the_same_id_overwrites_an_earlier_one_in_and_across_batches()
    {
        using (var batch = UserBatch.Of(new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created), new("u1", "a2@x.io", "A2", Created)))
        {
            await loader.WriteBatchAsync(batch);
        }

        using (var batch = UserBatch.Of(new User("u2", "b2@x.io", "B2", Created.AddHours(1))))
        {
            await loader.WriteBatchAsync(batch);
        }

        Assert.Equal(
            ["u1|a2@x.io|A2|2024-01-02T03:04:05.0000000Z", "u2|b2@x.io|B2|2024-01-02T04:04:05.0000000Z"],
            await database.ReadUsersAsync());
    }

    [Fact]
    public async Task Loading_the_same_rows_twice_gives_the_same_table()
    {
        using var batch = UserBatch.Of(new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created));
        await loader.WriteBatchAsync(batch);
        var first = await database.ReadUsersAsync();

        await loader.WriteBatchAsync(batch);

        Assert.Equal(first, await database.ReadUsersAsync());
    }

    [Fact]
    public async Task A_large_batch_is_loaded_whole_with_its_last_row_of_each_id()
    {
        // Several statements' worth of rows and a remainder, non-ASCII text, and ids repeated across statements.
        var users = Enumerable.Range(0, 1234)
            .Select(n => new User($"u{n % 1000}", $"user{n}@example.com", $"Zoë Nguyễn {n}", Created.AddSeconds(n)))
            .ToArray();
        using var batch = UserBatch.Of(users);

        await loader.WriteBatchAsync(batch);

        var expected = users.GroupBy(user => user.Id).Select(group => group.Last())
            .Select(user => $"{user.Id}|{user.Email}|{user.Name}|{user.CreatedAt.UtcDateTime:O}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, (await database.ReadUsersAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Once_complete_the_database_file_alone_holds_every_row()
    {
        // Pooled, as in the app: connections stay open, so closing them does not checkpoint the log.
        var pooled = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true };
        var pooledLoader = new DbUserLoader(Options.Create(new PipelineOptions { ConnectionString = pooled.ConnectionString }));
        try
        {
            for (var batch = 0; batch < 5; batch++)
            {
                using var users = UserBatch.Of([.. Enumerable.Range(batch * 1000, 1000).Select(n => new User($"u{n}", $"user{n}@example.com", "A", Created))]);
                await pooledLoader.WriteBatchAsync(users);
            }

            await pooledLoader.CompleteAsync();

            // The database file as it is on disk, without the write-ahead log: the checkpoints copied it all.
            await using var connection = new SqliteConnection($"Data Source=file:{pooled.DataSource}?immutable=1;Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM users";
            Assert.Equal(5000L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearPool(new SqliteConnection(pooled.ConnectionString));
        }
    }
}
