using Company.Etl.Loaders;
using Company.Etl.Pipeline;
using Company.Etl.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using nietras.SeparatedValues;

namespace Company.Etl.E2ETests;

/// <summary>The whole app, from the command line to the database, as <c>dotnet run</c> would run it.</summary>
[Collection(nameof(AppRun))]
public sealed class PipelineRunTests : AppRunTest
{
    private const string Header = "id,email,name,created_at";

    [Fact]
    public async Task The_sample_loads_every_valid_row_rejects_the_rest_and_a_rerun_changes_nothing()
    {
        var input = Path.Combine(Folder, "users.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "users.csv"), input);

        var first = await RunAsync("--input", input);
        var table = await Database.ReadUsersAsync();
        var rejected = File.ReadAllLines(Path.Combine(Folder, "users.rejected.csv"));

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal($"{Header},reason,raw", rejected[0]);
        Assert.Equal(5, rejected.Length - 1);
        Assert.Contains("read: 12, loaded: 6, superseded: 1, rejected: 5", first.Output); // u001 twice: the later row wins
        Assert.Equal(6, table.Count);
        Assert.Contains("u001|ada.lovelace@example.com|Ada King|2024-03-01T09:30:00.0000000Z", table);

        var second = await RunAsync("--input", input);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal(table, await Database.ReadUsersAsync());
    }

    [Fact]
    public async Task Without_an_input_the_bundled_sample_is_loaded()
    {
        var rejects = Path.Combine(Folder, "sample.rejected.csv");

        var result = await RunAsync("--rejects", rejects);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 12, loaded: 6, superseded: 1, rejected: 5", result.Output);
        Assert.Equal(6, File.ReadAllLines(rejects).Length);
    }

    [Fact]
    public async Task Many_batches_load_every_row_and_a_clean_run_leaves_no_reject_file()
    {
        var input = new UserCsv().ValidRows(2_500).WriteTo(Folder);
        File.WriteAllText(Path.Combine(Folder, "users.rejected.csv"), "id,reason\nold,an earlier run's reject\n");

        var result = await RunAsync(["--input", input], ("Pipeline:BatchSize", "1000"), ("Pipeline:QueuedBatches", "1"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 2500, loaded: 2500, superseded: 0, rejected: 0", result.Output);
        Assert.Equal(2_500, (await Database.ReadUsersAsync()).Count);
        Assert.False(File.Exists(Path.Combine(Folder, "users.rejected.csv")));
    }

    [Fact]
    public async Task Rows_with_too_few_or_too_many_fields_are_rejected_whole_and_the_reject_file_keeps_the_header_shape()
    {
        var input = Path.Combine(Folder, "users.csv");
        File.WriteAllText(input, $"{Header}\nu1,a@x.io,A,2024-01-01T00:00:00Z\nu2,b@x.io\nu3,c@x.io,C,2024-01-01T00:00:00Z,\"surplus, quoted\"\nu4,d@x.io,,2024-01-01T00:00:00Z\n");

        var result = await RunAsync("--input", input);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 4, loaded: 1, superseded: 0, rejected: 3", result.Output);
        var rejects = ReadCsv(Path.Combine(Folder, "users.rejected.csv"));
        Assert.All(rejects, row => Assert.Equal(6, row.Length));
        Assert.Equal(["id", "email", "name", "created_at", "reason", "raw"], rejects[0]);
        Assert.Equal(["", "", "", "", "expected 4 fields (as in the header), found 2", "u2,b@x.io"], rejects[1]);
        Assert.Equal(["", "", "", "", "expected 4 fields (as in the header), found 5", "u3,c@x.io,C,2024-01-01T00:00:00Z,\"surplus, quoted\""], rejects[2]);
        Assert.Equal(["u4", "d@x.io", "", "2024-01-01T00:00:00Z", "name is empty", ""], rejects[3]);
    }

    [Fact]
    public async Task Repeated_keys_in_a_batch_are_counted_as_superseded_so_the_summary_equals_the_table()
    {
        var csv = new UserCsv();
        for (var i = 0; i < 10; i++)
        {
            csv.Row($"u{i % 4}", $"user{i}@example.com", $"User {i}", "2024-01-01T00:00:00Z");
        }

        var result = await RunAsync("--input", csv.WriteTo(Folder));

        Assert.Contains("read: 10, loaded: 4, superseded: 6, rejected: 0", result.Output);
        var table = await Database.ReadUsersAsync();
        Assert.Equal(4, table.Count);
        Assert.Contains("u0|user8@example.com|User 8|2024-01-01T00:00:00.0000000Z", table); // the last row of a key wins
    }

    [Fact]
    public async Task A_second_entity_goes_through_the_whole_pipeline_with_the_same_stages()
    {
        var input = Path.Combine(Folder, "orders.csv");
        File.WriteAllText(input, """
            id,user_id,placed_at,total_cents,note
            o1,u1,2024-05-01T10:00:00+02:00,1250,first
            o2,u1,yesterday,300,late
            o3,,2024-05-03T10:00:00Z,300,
            o5,u4,2024-05-03T10:00:00Z,-5,refund?
            o1,u2,2024-05-04T10:00:00Z,999,corrected
            o4,u3
            """);

        var result = await RunAsync(["--entity", "orders", "--input", input], entities: Orders.BesideTheAppsOwn);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 6, loaded: 1, superseded: 1, rejected: 4", result.Output);
        Assert.Equal(["o1|u2|2024-05-04T10:00:00.0000000Z|999"], await Database.ReadTableAsync("orders", "id", "user_id", "placed_at", "total_cents"));
        Assert.Equal(
            ["id,user_id,placed_at,total_cents,note,reason,raw",
             "o2,u1,yesterday,300,late,placed_at is not an ISO 8601 date-time with Z or an offset,",
             "o3,,2024-05-03T10:00:00Z,300,,user_id is empty,",
             "o5,u4,2024-05-03T10:00:00Z,-5,refund?,total_cents is not a whole number of cents,",
             ",,,,,\"expected 5 fields (as in the header), found 2\",\"o4,u3\""],
            File.ReadAllLines(Path.Combine(Folder, "orders.rejected.csv")));
        Assert.False(await Database.TableExistsAsync("users"));
    }

    [Fact]
    public async Task Three_copies_loading_overlapping_files_at_once_all_finish_with_one_row_per_key_twice()
    {
        // Each file holds every key, in an order of its own, so that each batch's row locks meet the other copies'.
        var keys = Enumerable.Range(0, 6_000).Select(n => $"k{n:D5}").ToArray();
        var inputs = Enumerable.Range(0, 3).Select(copy =>
        {
            var csv = new UserCsv();
            foreach (var key in keys.OrderBy(key => HashCode.Combine(key, copy)))
            {
                csv.Row(key, $"{key}@copy{copy}.io", $"Copy {copy}", "2024-01-01T00:00:00Z");
            }

            return csv.WriteTo(Folder, $"copy{copy}.csv");
        }).ToArray();

        for (var round = 0; round < 2; round++)
        {
            var results = await Task.WhenAll(inputs.Select(input => RunAsync(["--input", input], ("Pipeline:BatchSize", "500"))));

            Assert.All(results, result => Assert.True(result.ExitCode == ExitCodes.Success, result.Error));
            Assert.Equal(keys, (await Database.ReadUsersAsync()).Select(row => row.Split('|')[0]));
        }
    }

    [Fact]
    public async Task Cancelling_stops_after_the_batch_being_written_and_the_summary_counts_what_was_committed()
    {
        var input = new UserCsv().ValidRows(4_000).Row("bad", "not-an-email", "B", "2024-01-01T00:00:00Z").WriteTo(Folder);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        // Ctrl+C arrives while the first batch is being written.
        var result = await AppRun.RunAsync(["--input", input], Database.ConnectionString, cancellation.Token, services: services =>
            services.AddSingleton<ITableLoader>(new CancelWhileWriting(new TableLoader(Database.ConnectionString), cancellation)),
            settings: ("Pipeline:BatchSize", "1000"));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("read: 1000, loaded: 1000, superseded: 0, rejected: 0", result.Output);
        Assert.Equal(1_000, (await Database.ReadUsersAsync()).Count);
        Assert.False(File.Exists(Path.Combine(Folder, "users.rejected.csv"))); // the invalid row was in a batch never committed
    }

    [Fact]
    public async Task Users_can_come_from_the_api_instead()
    {
        using var api = new FakeUsersApi(
        [
            FakeUsersApi.User("a1", "a@example.com", "A", "2024-01-01T00:00:00Z"),
            FakeUsersApi.User("a2", "broken", "B", "2024-01-01T00:00:00Z"),
        ]);

        var result = await RunAsync("--source", "api", "--url", api.BaseAddress.ToString(), "--rejects", Path.Combine(Folder, "api.rejected.csv"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("read: 2, loaded: 1, superseded: 0, rejected: 1", result.Output);
        Assert.Equal(["a1|a@example.com|A|2024-01-01T00:00:00.0000000Z"], await Database.ReadUsersAsync());
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var reader = Sep.New(',').Reader(options => options with { Unescape = true, HasHeader = false, DisableColCountCheck = true }).FromFile(path);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }

            rows.Add(fields);
        }

        return rows;
    }

    /// <summary>The real loader, cancelling the run while its first batch is being written.</summary>
    private sealed class CancelWhileWriting(ITableLoader loader, CancellationTokenSource cancellation) : ITableLoader
    {
        public Task EnsureTableAsync<T>(TableMap<T> table, CancellationToken cancellationToken = default) => loader.EnsureTableAsync(table, cancellationToken);

        public async Task UpsertAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken = default)
        {
            await cancellation.CancelAsync();
            await loader.UpsertAsync(table, records, cancellationToken);
        }
    }
}
