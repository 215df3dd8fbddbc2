using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// myapp-pipeline end to end: build with warnings as errors, formatting, the generated tests (which run a second
/// entity, short and long rows and three in-process copies against the same real database), then the built app as
/// separate processes: its sample (the summary matches the table and the reject file, and a rerun leaves the same
/// table), its telemetry at a real OTLP receiver, an unwritable reject file, three copies at once over overlapping
/// files, a kill and a rerun, and SIGTERM.
/// </summary>
public sealed partial class PipelineEndToEndTests(TemplatePack pack)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("pipeline-default")]
    [InlineData("pipeline-database-postgres")]
    public async Task Generated_pipeline_builds_passes_its_tests_and_loads_its_sample_idempotently(string scenarioName)
    {
        var scenario = Scenarios.Named(scenarioName);
        using var temp = new TempDirectory(scenarioName);
        var postgres = scenario.Arguments.Contains("postgres");
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, scenario.Arguments));

        await solution.BuildAsync();
        await solution.VerifyFormattingAsync();
        await solution.TestAsync();
        await StaticChecks.CheckAsync(solution, scenario.ProjectName);

        var project = Directory.GetFiles(solution.Root, $"{scenario.ProjectName}.csproj", SearchOption.AllDirectories).Single();
        var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Debug", "net10.0");
        var work = Directory.CreateDirectory(Path.Combine(temp.Path, "work")).FullName;
        var input = Path.Combine(work, "users.csv");
        File.Copy(Path.Combine(output, "samples", "users.csv"), input);

        await using var receiver = await OtlpReceiver.StartAsync();
        var environment = new Dictionary<string, string?>();
        string? database = null;
        Func<string, Task<string>> query;
        if (postgres)
        {
            database = $"e2e_{Guid.NewGuid():N}";
            await Postgres.PsqlAsync($"CREATE DATABASE {database}");
            environment["ConnectionStrings__Default"] = Postgres.ForDatabase(database);
            query = sql => Postgres.PsqlAsync(sql, database);
        }
        else
        {
            var file = Path.Combine(work, "users.db");
            environment["ConnectionStrings__Default"] = $"Data Source={file}";
            query = async sql =>
            {
                // A busy timeout, as any reader beside a writer needs: SQLite can refuse a read for a moment (e.g. while a
                // new writer rebuilds the log's index) and the shell, without one, fails at once ("database is locked").
                var result = await ProcessRunner.RunAsync("sqlite3", ["-cmd", ".timeout 10000", file, sql], work, Timeout,
                    cancellationToken: TestContext.Current.CancellationToken);
                Assert.True(result.ExitCode == 0, result.ToString());
                return result.StandardOutput.Trim();
            };
        }

        try
        {
            var first = await RunAsync(output, scenario.ProjectName, work, environment, "--input", input);
            var summary = Summary().Match(first.StandardOutput);
            Assert.True(summary.Success, first.ToString());
            var (read, loaded, superseded, rejected) = Counts(summary);
            Assert.Equal(read, loaded + superseded + rejected);

            var rejectFile = Path.Combine(work, "users.rejected.csv");
            var rejectRows = await CountCsvRecordsAsync(rejectFile);
            Assert.Equal(rejected, rejectRows);
            var table = await query("SELECT id || '|' || email || '|' || name FROM users ORDER BY id");

            // The bundled sample: 12 rows, 5 invalid, and one id twice (the later row wins): the table holds what was loaded.
            Assert.Equal((12, 6, 1, 5), (read, loaded, superseded, rejected));
            Assert.Equal($"{loaded}", await query("SELECT count(*) FROM users"));
            Assert.Contains("u001|ada.lovelace@example.com|Ada King", table);

            var second = await RunAsync(output, scenario.ProjectName, work, environment, "--input", input);
            Assert.Equal(summary.Value, Summary().Match(second.StandardOutput).Value);
            Assert.Equal(table, await query("SELECT id || '|' || email || '|' || name FROM users ORDER BY id"));

            // With no --input, the bundled sample; its rejects go to the working folder, never into the build output.
            File.Delete(rejectFile);
            var sample = await RunAsync(output, scenario.ProjectName, work, environment);
            Assert.True(sample.ExitCode == 0 && File.Exists(rejectFile), sample.ToString());
            Assert.Empty(Directory.GetFiles(output, "*.rejected.csv", SearchOption.AllDirectories));

            // Telemetry: nothing exported so far (no OTEL_EXPORTER_OTLP_ENDPOINT); with it, the run's span with its batches
            // under it, and its metrics, reach a real OTLP receiver under the project's name, or OTEL_SERVICE_NAME's.
            Assert.Empty(await receiver.ResourceNamesAsync());
            var exporting = new Dictionary<string, string?>(environment) { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint };
            var traced = await RunAsync(output, scenario.ProjectName, work, exporting, "--input", input);
            Assert.True(traced.ExitCode == 0, traced.ToString());
            await receiver.WaitForAsync(scenario.ProjectName);
            var spans = await receiver.SpansAsync(scenario.ProjectName);
            var run = Assert.Single(spans, span => span.GetProperty("name").GetString() == "load users");
            Assert.Contains(spans, span => span.GetProperty("name").GetString() == "batch users"
                && span.GetProperty("parentSpanId").GetString() == run.GetProperty("spanId").GetString());
            exporting["OTEL_SERVICE_NAME"] = "etl-nightly";
            Assert.Equal(0, (await RunAsync(output, scenario.ProjectName, work, exporting, "--input", input)).ExitCode);
            await receiver.WaitForAsync("etl-nightly");

            var missingColumn = Path.Combine(work, "bad.csv");
            File.WriteAllText(missingColumn, "id,name,created_at\nx,y,2024-01-01T00:00:00Z\n");
            var bad = await RunAsync(output, scenario.ProjectName, work, environment, "--input", missingColumn);
            Assert.True(bad.ExitCode == 2 && bad.StandardError.Contains("'email'", StringComparison.Ordinal), bad.ToString());

            // A reject file in a folder that does not exist: exit 2 naming it, before a row is read.
            var nowhere = Path.Combine(work, "no-such-folder", "rejects.csv");
            await query("DROP TABLE users");
            var unwritable = await RunAsync(output, scenario.ProjectName, work, environment, "--input", input, "--rejects", nowhere);
            Assert.True(unwritable.ExitCode == 2 && unwritable.StandardError.Contains(nowhere, StringComparison.Ordinal), unwritable.ToString());
            Assert.Equal("0", await query(postgres
                ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'"
                : "SELECT count(*) FROM sqlite_master WHERE name = 'users'"));

            await CopiesAtOnceOverOverlappingFilesLeaveOneRowPerKeyAsync(output, scenario.ProjectName, work, environment, query);

            await KilledAndCancelledRunsLeaveWholeBatchesAsync(output, scenario.ProjectName, work, environment, query);
        }
        finally
        {
            if (database is not null)
            {
                await Postgres.PsqlAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }
    }

    /// <summary>
    /// Three processes at once, each over a file holding every key in an order of its own, twice: all exit 0, and the
    /// table holds one row per key (on PostgreSQL, the copies' row locks meet batch after batch).
    /// </summary>
    private static async Task CopiesAtOnceOverOverlappingFilesLeaveOneRowPerKeyAsync(
        string output, string project, string work, Dictionary<string, string?> environment, Func<string, Task<string>> query)
    {
        const int keys = 20_000;
        var inputs = new List<string>();
        for (var copy = 0; copy < 3; copy++)
        {
            var input = Path.Combine(work, $"part-{copy}.csv");
            var order = Enumerable.Range(0, keys).OrderBy(key => HashCode.Combine(key, copy));
            await File.WriteAllLinesAsync(input, ["id,email,name,created_at", .. order.Select(key => $"k{key},k{key}@part{copy}.io,Part {copy},2024-01-01T00:00:00Z")],
                TestContext.Current.CancellationToken);
            inputs.Add(input);
        }

        var settings = new Dictionary<string, string?>(environment) { ["Pipeline__BatchSize"] = "1000" };
        for (var round = 0; round < 2; round++)
        {
            var runs = await Task.WhenAll(inputs.Select(input => RunAsync(output, project, work, settings, "--input", input)));
            Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
            Assert.Equal($"{keys}|{keys}", await query("SELECT count(*) || '|' || count(DISTINCT id) FROM users"));
        }
    }

    /// <summary>
    /// A run killed outright midway leaves only whole batches, and running it again completes the table;
    /// SIGTERM midway stops after the batch being written, exit 130, and the summary counts what the table holds.
    /// </summary>
    private static async Task KilledAndCancelledRunsLeaveWholeBatchesAsync(
        string output, string project, string work, Dictionary<string, string?> environment, Func<string, Task<string>> query)
    {
        const int rows = 1_000_000, batch = 1_000;
        var input = Path.Combine(work, "large.csv");
        using (var writer = new StreamWriter(input))
        {
            writer.Write("id,email,name,created_at\n");
            for (var i = 0; i < rows; i++)
            {
                writer.Write($"k{i},user{i}@example.com,User {i},2024-01-01T00:00:00Z\n");
            }
        }

        // Every row valid and every id distinct: a committed state holds a multiple of the batch size.
        var settings = new Dictionary<string, string?>(environment) { ["Pipeline__BatchSize"] = batch.ToString(CultureInfo.InvariantCulture) };
        string[] args = [Path.Combine(output, $"{project}.dll"), "--input", input];
        await query("DELETE FROM users");

        await using (var killed = RunningApp.Start("dotnet", args, work, settings))
        {
            await WaitForRowsAsync(killed, query);
            await killed.KillAsync();
        }

        var afterKill = long.Parse(await query("SELECT count(*) FROM users"), CultureInfo.InvariantCulture);
        Assert.True(afterKill is > 0 and < rows && afterKill % batch == 0, $"{afterKill} rows after the kill");

        var rerun = await ProcessRunner.RunAsync("dotnet", args, work, Timeout, settings, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal($"{rows}", await query("SELECT count(*) FROM users"));
        Assert.Equal("0", await query("SELECT count(*) FROM (SELECT id FROM users GROUP BY id HAVING count(*) > 1) AS duplicates"));

        await query("DELETE FROM users");
        await using var stopped = RunningApp.Start("dotnet", args, work, settings);
        await WaitForRowsAsync(stopped, query);
        Assert.Equal(130, await stopped.TerminateAsync(Timeout));
        var summary = Summary().Match(stopped.Output);
        Assert.True(summary.Success, stopped.Output);
        var (read, loaded, superseded, rejected) = Counts(summary);
        Assert.True(loaded is > 0 and < rows && loaded % batch == 0 && superseded == 0 && rejected == 0 && read == loaded, stopped.Output);
        Assert.Equal($"{loaded}", await query("SELECT count(*) FROM users"));
    }

    private static async Task WaitForRowsAsync(RunningApp app, Func<string, Task<string>> query)
    {
        var deadline = Stopwatch.StartNew();
        while (await query("SELECT count(*) FROM users") == "0")
        {
            Assert.False(app.HasExited, $"The app exited before loading a batch:\n{app.Output}");
            Assert.True(deadline.Elapsed < Timeout, $"No rows within {Timeout}:\n{app.Output}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<ProcessResult> RunAsync(string output, string project, string work, Dictionary<string, string?> environment, params string[] args)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Path.Combine(output, $"{project}.dll"), .. args], work, Timeout, environment,
            cancellationToken: TestContext.Current.CancellationToken);
        return result;
    }

    /// <summary>Records in a CSV file, minus the header, with quoted line breaks counted as part of their record.</summary>
    private static async Task<long> CountCsvRecordsAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        long records = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                records++;
            }
        }

        return records - 1;
    }

    private static (long Read, long Loaded, long Superseded, long Rejected) Counts(Match summary)
    {
        long Group(int number) => long.Parse(summary.Groups[number].Value, CultureInfo.InvariantCulture);
        return (Group(1), Group(2), Group(3), Group(4));
    }

    [GeneratedRegex(@"read: (\d+), loaded: (\d+), superseded: (\d+), rejected: (\d+)")]
    private static partial Regex Summary();
}
