using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using Contoso.Etl.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Contoso.Etl.E2ETests;

/// <summary>The whole app, from the command line to the database, as <c>dotnet run</c> would run it.</summary>
public sealed class PipelineRunTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-e2e-").FullName;
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task The_sample_loads_every_valid_row_rejects_the_rest_and_a_rerun_changes_nothing()
    {
        var input = Path.Combine(directory, "users.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "users.csv"), input);

        var first = await RunAsync("--input", input);
        var table = await database.ReadUsersAsync();
        var rejected = File.ReadAllLines(Path.Combine(directory, "users.rejected.csv"));

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal("id,email,name,created_at,reason", rejected[0]);
        Assert.Equal(5, rejected.Length - 1);
        Assert.Contains("read: 12, loaded: 7, rejected: 5", first.Output);
        Assert.Equal(6, table.Count); // u001 appears twice; the later row wins
        Assert.Contains("u001|ada.lovelace@example.com|Ada King|2024-03-01T09:30:00.0000000Z", table);

        var second = await RunAsync("--input", input);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(table, await database.ReadUsersAsync());
    }

    [Fact]
    public async Task Many_batches_load_every_row_and_a_clean_run_leaves_no_reject_file()
    {
        var input = new UserCsv().ValidRows(2_500).WriteTo(directory);
        File.WriteAllText(Path.Combine(directory, "users.rejected.csv"), "id,reason\nold,an earlier run's reject\n");

        var result = await RunAsync(["--input", input], ("Pipeline:BatchSize", "1000"), ("Pipeline:QueuedBatches", "1"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 2500, loaded: 2500, rejected: 0", result.Output);
        Assert.Equal(2_500, (await database.ReadUsersAsync()).Count);
        Assert.False(File.Exists(Path.Combine(directory, "users.rejected.csv")));
    }

    [Fact]
    public async Task Cancelling_stops_after_the_batch_being_written_and_the_summary_counts_what_was_committed()
    {
        var input = new UserCsv().ValidRows(4_000).Row("bad", "not-an-email", "B", "2024-01-01T00:00:00Z").WriteTo(directory);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // Ctrl+C arrives while the first batch is being written.
        var result = await RunAsync(["--input", input], cancellation.Token, builder => builder.Services.AddSingleton<ITableLoader<User>>(
            new CancelWhileWriting(new TableLoader<User>(UserTable.Map, database.ConnectionString), cancellation)), ("Pipeline:BatchSize", "1000"));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("read: 1000, loaded: 1000, rejected: 0", result.Output);
        Assert.Equal(1_000, (await database.ReadUsersAsync()).Count);
        Assert.False(File.Exists(Path.Combine(directory, "users.rejected.csv"))); // the invalid row was in a batch never committed
    }

    [Fact]
    public async Task A_missing_column_stops_the_run_with_exit_2_before_anything_is_loaded()
    {
        var input = new UserCsv().WithHeader("id", "mail", "name", "created_at").Row("u1", "a@b.co", "A", "2024-01-01T00:00:00Z").WriteTo(directory);

        var result = await RunAsync("--input", input);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'email'", result.Error);
        Assert.False(await database.TableExistsAsync("users")); // not even the table was created
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--source", "api")]
    [InlineData("--source", "ftp")]
    public async Task A_wrong_command_line_is_exit_2_with_usage_on_stderr(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_run_naming_the_key()
    {
        var input = new UserCsv().ValidRows(1).WriteTo(directory);

        var result = await RunAsync(["--input", input], ("Pipeline:BatchSize", "0"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("Pipeline:BatchSize", result.Error);
    }

    [Fact]
    public async Task Users_can_come_from_the_api_instead()
    {
        using var api = new FakeUsersApi(
        [
            FakeUsersApi.User("a1", "a@example.com", "A", "2024-01-01T00:00:00Z"),
            FakeUsersApi.User("a2", "broken", "B", "2024-01-01T00:00:00Z"),
        ]);

        var result = await RunAsync("--source", "api", "--url", api.BaseAddress.ToString(), "--rejects", Path.Combine(directory, "api.rejected.csv"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 2, loaded: 1, rejected: 1", result.Output);
        Assert.Equal(["a1|a@example.com|A|2024-01-01T00:00:00.0000000Z"], await database.ReadUsersAsync());
    }

    private Task<RunResult> RunAsync(params string[] args) => RunAsync(args, []);

    private Task<RunResult> RunAsync(string[] args, params (string Key, string Value)[] settings) =>
        RunAsync(args, TestContext.Current.CancellationToken, _ => { }, settings);

    private Task<RunResult> RunAsync(
        string[] args, CancellationToken cancellationToken, Action<HostApplicationBuilder> configure, params (string Key, string Value)[] settings) =>
        AppRun.RunAsync(args, database.ConnectionString, cancellationToken, configure, settings);

    /// <summary>The real loader, cancelling the run while its first batch is being written.</summary>
    private sealed class CancelWhileWriting(ITableLoader<User> loader, CancellationTokenSource cancellation) : ITableLoader<User>
    {
        public Task EnsureTableAsync(CancellationToken cancellationToken = default) => loader.EnsureTableAsync(cancellationToken);

        public async Task UpsertAsync(IReadOnlyList<User> records, CancellationToken cancellationToken = default)
        {
            await cancellation.CancelAsync();
            await loader.UpsertAsync(records, cancellationToken);
        }
    }
}
