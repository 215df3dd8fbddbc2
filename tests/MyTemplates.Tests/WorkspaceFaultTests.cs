using System.Net;
using System.Net.Http.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>The PostgreSQL workspace through a database restart, on the published apps of its end-to-end class (no second publish).</summary>
public sealed partial class WorkspacePostgresEndToEndTests
{
    [Fact]
    public async Task Through_a_database_restart_two_workers_keep_running_lose_no_job_and_do_none_twice()
    {
        // A server of the test's own, which it may restart.
        await using var server = await OwnPostgres.StartAsync();
        await server.PsqlAsync("CREATE DATABASE platform");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = server.ConnectionString("platform"),
            ["Database__MigrateOnStartup"] = "true",
        };
        var port = RunningApp.FreePort();
        await using var api = Workspace.StartApi(port, settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await api.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));

        var workerSettings = new Dictionary<string, string?>(settings)
        {
            ["Database__MigrateOnStartup"] = "false",
            ["Jobs__Lease"] = "00:00:10",
            ["Worker__PollInterval"] = "00:00:00.200",
        };
        await using var first = Workspace.StartWorker(workerSettings);
        await using var second = Workspace.StartWorker(workerSettings);
        await WaitUntilAsync(() => WorkerStarted().IsMatch(first.Output) && WorkerStarted().IsMatch(second.Output), "both workers to start");

        // Users keep coming while the database goes away for three seconds; every 201 is a job to do.
        var statuses = new List<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var posting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await http.PostAsJsonAsync("/users", new { email = $"user-{Guid.NewGuid():N}@example.com", name = "Ada" }, Ct);
                lock (statuses)
                {
                    statuses.Add(response.StatusCode);
                }
            }
        }, Ct);
        await WaitUntilAsync(() => SentJobs(first, second).Count >= 100, "100 jobs sent");
        await server.RestartAsync(away: TimeSpan.FromSeconds(3));
        var sentBefore = SentJobs(first, second).Count;
        await WaitUntilAsync(() => SentJobs(first, second).Count >= sentBefore + 100, "100 more jobs sent after the restart");
        await stop.CancelAsync();
        await posting;

        // Everything the API acknowledged gets done, once.
        var created = Created();
        await WaitUntilAsync(() => SentJobs(first, second).Count >= created, $"{created} jobs sent");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // a job sent twice would show by now
        var sent = SentJobs(first, second);
        Assert.Equal(created, sent.Count);
        Assert.True(sent.Values.All(times => times == 1), $"Jobs sent twice: {string.Join(", ", sent.Where(job => job.Value > 1).Select(job => job.Key))}");
        Assert.Equal(created.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await server.PsqlAsync("SELECT count(*) FROM jobs WHERE status = 'Done' AND locked_by IS NULL", "platform"));
        lock (statuses)
        {
            Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{status}\n{api.Output}"));
        }

        // The workers rode it out: still running, and they waited rather than spun while the database was away.
        Assert.False(first.HasExited || second.HasExited, first.Output + second.Output);
        var failed = (first.Output + second.Output).Split('\n').Count(line => line.Contains("failed; trying again in", StringComparison.Ordinal));
        Assert.True(failed < 20, $"{failed} failed batches in a 3-second outage: the workers did not back off");

        int Created()
        {
            lock (statuses)
            {
                return statuses.Count(status => status == HttpStatusCode.Created);
            }
        }
    }
}
