using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// myapp-workspace end to end, one class per database: the generated solution's own checks, a planted
/// boundary violation that its tests catch, then the published API (with the products a myapp-resource
/// added) and two worker processes sharing the database: 1,000 users give exactly 1,000 jobs done once
/// each, and a worker killed mid-run loses no job.
/// </summary>
public abstract partial class WorkspaceEndToEndTests<TWorkspace>(TWorkspace workspace) : IClassFixture<TWorkspace>
    where TWorkspace : PublishedWorkspace
{
    private const int BatchSize = 20;
    private static readonly TimeSpan JobsTimeout = TimeSpan.FromSeconds(90);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected TWorkspace Workspace => workspace;

    [Fact]
    public async Task Generated_workspace_is_formatted_and_passes_its_own_tests()
    {
        await workspace.Solution.VerifyFormattingAsync();
        await workspace.Solution.TestAsync();
        await StaticChecks.CheckAsync(workspace.Solution, workspace.Scenario.ProjectName);
    }

    [Fact]
    public async Task A_reference_from_the_api_to_the_worker_fails_the_boundary_tests()
    {
        var name = workspace.Scenario.ProjectName;
        var api = workspace.Solution.PathOf($"packages/Api/{name}.Api/{name}.Api.csproj");
        var original = await File.ReadAllTextAsync(api, Ct);
        try
        {
            await File.WriteAllTextAsync(api, original.Replace("</Project>",
                $"  <ItemGroup>\n    <ProjectReference Include=\"../../Worker/{name}.Worker/{name}.Worker.csproj\" />\n  </ItemGroup>\n</Project>",
                StringComparison.Ordinal), Ct);

            // The boundary test reads the project files, so the built tests catch the new reference without a rebuild.
            var result = await ProcessRunner.DotnetAsync(workspace.Solution.Root, TimeSpan.FromMinutes(5),
                "test", "--no-build", "--project", workspace.Solution.PathOf($"packages/Core/{name}.Core.Tests"), "--", "--filter-class", "*PackageBoundaryTests");

            Assert.True(result.ExitCode != 0, $"The boundary tests passed with Api referencing Worker:\n{result}");
            Assert.Contains($"packages/Api/{name}.Api/{name}.Api.csproj references Worker/", result.StandardOutput);
        }
        finally
        {
            await File.WriteAllTextAsync(api, original, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_api_and_two_workers_do_every_job_once_and_a_killed_worker_loses_none()
    {
        var database = await CreateDatabaseAsync();
        try
        {
            await RunTheWorkspaceAsync(database);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private async Task RunTheWorkspaceAsync(WorkspaceDatabase database)
    {
        var port = RunningApp.FreePort();
        await using var api = workspace.StartApi(port, database.Settings(migrate: true));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await api.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));
        await AddedResource.SpeakToTheProductsApiAsync(http);

        // A short lease, so that the jobs a killed worker held come back within the test.
        var workerSettings = new Dictionary<string, string?>(database.Settings(migrate: false))
        {
            ["Jobs__Lease"] = "00:00:10",
            ["Worker__PollInterval"] = "00:00:00.200",
            ["Worker__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var first = workspace.StartWorker(workerSettings);
        await using var second = workspace.StartWorker(workerSettings);
        await WaitUntilAsync(() => WorkerStarted().IsMatch(first.Output) && WorkerStarted().IsMatch(second.Output), "both workers to start");

        // 1,000 users with both workers running: 1,000 jobs, each sent exactly once.
        var clock = Stopwatch.StartNew();
        await CreateUsersAsync(http, 1000);
        var posted = clock.Elapsed;
        await WaitForJobsAsync(database, done: 1000);
        var sent = SentJobs(first, second);
        Assert.Equal(1000, sent.Count);
        Assert.True(sent.Values.All(times => times == 1),
            $"Jobs sent twice: {string.Join(", ", sent.Where(job => job.Value > 1).Select(job => job.Key))}\n{Warnings(first, second)}");
        Assert.Equal("1000", await database.QueryAsync("SELECT count(*) FROM jobs WHERE attempts = 1 AND locked_by IS NULL"));
        TestContext.Current.SendDiagnosticMessage(
            $"1,000 users posted in {posted.TotalSeconds:F1} s, all jobs done after {clock.Elapsed.TotalSeconds:F1} s " +
            $"({SentJobs(first).Count} by the first worker, {SentJobs(second).Count} by the second)");

        // 500 more, and the first worker killed (SIGKILL: no handler runs) half way; a third takes its place.
        var sentByFirstBefore = SentJobs(first).Keys.ToHashSet();
        var killedMidRun = CreateUsersAsync(http, 500);
        await WaitUntilAsync(() => SentJobs(first).Count > sentByFirstBefore.Count + 50, "the first worker to send 50 more jobs");
        await first.KillAsync();
        await using var third = workspace.StartWorker(workerSettings);
        await WaitUntilAsync(() => WorkerStarted().IsMatch(third.Output), "the third worker to start");
        await killedMidRun;
        await WaitForJobsAsync(database, done: 1500);

        var all = SentJobs(first, second, third);
        Assert.Equal(1500, all.Count);
        var twice = all.Where(job => job.Value > 1).Select(job => job.Key).ToList();
        Assert.True(twice.Count <= BatchSize && twice.All(SentJobs(first).ContainsKey),
            $"Only jobs the killed worker held may run again (at most a batch): {twice.Count} ran twice");

        // SIGTERM: each remaining worker stops cleanly and holds no job afterwards.
        foreach (var worker in new[] { second, third })
        {
            var exitCode = await worker.TerminateAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"A worker exited with {exitCode} on SIGTERM:\n{worker.Output[^Math.Min(worker.Output.Length, 6000)..]}");
        }

        Assert.Contains("stopped", third.Output, StringComparison.Ordinal);
        Assert.Equal("0", await database.QueryAsync("SELECT count(*) FROM jobs WHERE locked_by IS NOT NULL OR status <> 'Done'"));
        Assert.DoesNotContain("fail:", second.Output + third.Output + api.Output, StringComparison.Ordinal);
    }

    private async Task<WorkspaceDatabase> CreateDatabaseAsync()
    {
        if (workspace.UsesPostgres)
        {
            var name = $"e2e_{Guid.NewGuid():N}";
            await Postgres.PsqlAsync($"CREATE DATABASE {name}");
            return new WorkspaceDatabase(Postgres.ForDatabase(name), sql => Postgres.PsqlAsync(sql, name),
                () => Postgres.PsqlAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }

        var file = Path.Combine(workspace.TempPath, $"app-{Guid.NewGuid():N}.db");
        return new WorkspaceDatabase($"Data Source={file}", async sql =>
        {
            // A busy timeout, as any reader beside writers needs.
            var result = await ProcessRunner.RunAsync("sqlite3", ["-cmd", ".timeout 10000", file, sql], workspace.TempPath, TimeSpan.FromMinutes(1),
                cancellationToken: Ct);
            Assert.True(result.ExitCode == 0, result.ToString());
            return result.StandardOutput.Trim();
        }, () => Task.FromResult(""));
    }

    private static async Task CreateUsersAsync(HttpClient http, int count) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (_, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/users", new { email = $"user-{Guid.NewGuid():N}@example.com", name = "Ada" }, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });

    private static async Task WaitForJobsAsync(WorkspaceDatabase database, int done)
    {
        var last = "";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < JobsTimeout)
        {
            last = await database.QueryAsync("SELECT status || '=' || count(*) FROM jobs GROUP BY status ORDER BY status");
            if (last == $"Done={done}")
            {
                return;
            }

            await Task.Delay(250, Ct);
        }

        Assert.Fail($"Not {done} jobs done within {JobsTimeout}: {last.ReplaceLineEndings(", ")}");
    }

    protected static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < JobsTimeout, $"Waited {JobsTimeout} for {what}");
            await Task.Delay(20, Ct);
        }
    }

    private static string Warnings(params RunningApp[] workers) =>
        string.Join('\n', workers.SelectMany(worker => worker.Output.Split('\n')).Where(line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal)));

    /// <summary>How many times each job id was sent, from the workers' logs.</summary>
    protected static Dictionary<string, int> SentJobs(params RunningApp[] workers) =>
        workers.SelectMany(worker => SentLine().Matches(worker.Output).Select(match => match.Groups["id"].Value))
            .GroupBy(id => id)
            .ToDictionary(group => group.Key, group => group.Count());

    [GeneratedRegex(@"Worker \S+ started")]
    protected static partial Regex WorkerStarted();

    [GeneratedRegex(@"Sent the welcome message of job (?<id>[0-9a-f-]{36})")]
    private static partial Regex SentLine();

    private sealed record WorkspaceDatabase(string ConnectionString, Func<string, Task<string>> QueryAsync, Func<Task<string>> DropAsync)
    {
        public Dictionary<string, string?> Settings(bool migrate) => new()
        {
            ["ConnectionStrings__Default"] = ConnectionString,
            ["Database__MigrateOnStartup"] = migrate ? "true" : "false",
        };
    }
}

public sealed partial class WorkspaceSqliteEndToEndTests(SqliteWorkspace workspace) : WorkspaceEndToEndTests<SqliteWorkspace>(workspace)
{
    [Fact]
    [UnsupportedOSPlatform("windows")] // file modes, and the scripts themselves, are Unix's
    public async Task The_scripts_are_executable_and_run_sh_starts_each_line_with_its_process()
    {
        foreach (var script in new[] { "tools/scripts/run.sh", "tools/scripts/add-migration.sh" })
        {
            var mode = File.GetUnixFileMode(Workspace.Solution.PathOf(script));
            Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{script} is not executable: {mode}");
        }

        // Run as the README says, straight from the shell: the API and two workers from source, in Development.
        var port = RunningApp.FreePort();
        await using var run = RunningApp.Start(Workspace.Solution.PathOf("tools/scripts/run.sh"), ["2"], Workspace.Solution.Root,
            new Dictionary<string, string?> { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var deadline = Stopwatch.StartNew();
        while (!(ApiListening(port).IsMatch(run.Output) && WorkerLine(1).IsMatch(run.Output) && WorkerLine(2).IsMatch(run.Output)))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(3) && !run.HasExited, $"run.sh did not start the API and two workers:\n{run.Output}");
            await Task.Delay(100, Ct);
        }

        Assert.DoesNotMatch(UnprefixedLogLine(), run.Output);
    }

    [Theory]
    [InlineData("Data Source=app.db")]
    [InlineData("Data Source=data/app.db")]
    public async Task Deployed_the_api_and_the_worker_refuse_a_relative_sqlite_file_naming_the_setting(string connectionString)
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings__Default"] = connectionString };
        await using var api = Workspace.StartApi(RunningApp.FreePort(), settings);
        await using var worker = Workspace.StartWorker(settings);

        foreach (var (app, name) in new[] { (api, "API"), (worker, "worker") })
        {
            var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(exitCode != 0, $"The {name} started with {connectionString}:\n{app.Output}");
            Assert.Contains("ConnectionStrings:Default names the SQLite file by a relative path", app.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(Workspace.ApiFolder, "app.db")) || File.Exists(Path.Combine(Workspace.WorkerFolder, "app.db")),
            "A refused app created its database file anyway");
    }

    private static Regex ApiListening(int port) => new($@"(?m)^api +\| +Now listening on: http://localhost:{port}\s*$");

    private static Regex WorkerLine(int number) => new($@"(?m)^worker-{number} \| +Worker \S+ started\s*$");

    /// <summary>A log entry's first line (info:, warn:, fail:) that does not start with the process's name.</summary>
    [GeneratedRegex(@"(?m)^(info|warn|fail|crit|dbug|trce): ")]
    private static partial Regex UnprefixedLogLine();
}

public sealed partial class WorkspacePostgresEndToEndTests(PostgresWorkspace workspace) : WorkspaceEndToEndTests<PostgresWorkspace>(workspace);
