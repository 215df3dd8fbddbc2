using System.Text.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// The published API and worker over OTLP, at a real receiver (the Aspire dashboard): nothing without
/// OTEL_EXPORTER_OTLP_ENDPOINT; with it, both report under their projects' names, and the worker's span for
/// the job that <c>POST /users</c> queued is a child of that request's span, in its trace, and so is what the job logged.
/// </summary>
public abstract partial class WorkspaceEndToEndTests<TWorkspace>
{
    [Fact]
    public async Task Over_otlp_one_trace_runs_from_post_users_to_its_job_and_without_the_endpoint_nothing_is_sent()
    {
        var database = await CreateDatabaseAsync();
        try
        {
            await TraceTheWorkspaceAsync(database);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private async Task TraceTheWorkspaceAsync(WorkspaceDatabase database)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var (apiName, workerName) = ($"{workspace.Scenario.ProjectName}.Api", $"{workspace.Scenario.ProjectName}.Worker");

        // Without the variable: a user and its job, and nothing at the receiver.
        await PostAUserAndWaitForItsJobAsync(database, database.Settings(migrate: true), jobsDone: 1);
        Assert.Empty(await receiver.ResourceNamesAsync());

        // With it (and short export intervals): a second user, traced from the request to its job.
        var exporting = new Dictionary<string, string?>(database.Settings(migrate: false))
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint,
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        };
        await PostAUserAndWaitForItsJobAsync(database, exporting, jobsDone: 2, async () =>
        {
            await receiver.WaitForAsync(apiName, logs: true);
            await receiver.WaitForAsync(workerName, logs: true);
            await WaitUntilSpanAsync(receiver, workerName, "process welcome-message");
        });

        var post = Assert.Single(await receiver.SpansAsync(apiName), span => Name(span) == "POST /users/");
        var job = Assert.Single(await receiver.SpansAsync(workerName), span => Name(span) == "process welcome-message");
        Assert.Equal(
            (post.GetProperty("traceId").GetString(), post.GetProperty("spanId").GetString()),
            (job.GetProperty("traceId").GetString(), job.GetProperty("parentSpanId").GetString()));
        Assert.Contains(await receiver.SpansAsync(apiName), span => span.GetProperty("traceId").GetString() == post.GetProperty("traceId").GetString()
            && span.GetProperty("parentSpanId").GetString() == post.GetProperty("spanId").GetString());
        Assert.DoesNotContain(await receiver.SpansAsync(apiName), span => Name(span).Contains("health", StringComparison.Ordinal));

        // What the job did, in the same trace: the handler's log record carries the job span's ids.
        bool IsTheJobsLog(JsonElement record) =>
            record.TryGetProperty("traceId", out var traceId) && traceId.GetString() == job.GetProperty("traceId").GetString()
            && record.TryGetProperty("spanId", out var spanId) && spanId.GetString() == job.GetProperty("spanId").GetString()
            && record.ToString().Contains("Sent the welcome message", StringComparison.Ordinal);
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!(await receiver.LogRecordsAsync(workerName)).Any(IsTheJobsLog))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The job's 'Sent the welcome message' log record did not arrive with the job span's trace and span ids");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>Runs the API and a worker with <paramref name="settings"/>, posts one user, waits for its job, and (before stopping them) <paramref name="whileRunning"/>.</summary>
    private async Task PostAUserAndWaitForItsJobAsync(WorkspaceDatabase database, Dictionary<string, string?> settings, int jobsDone, Func<Task>? whileRunning = null)
    {
        var port = RunningApp.FreePort();
        await using var api = workspace.StartApi(port, settings);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await api.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));
        await using var worker = workspace.StartWorker(new Dictionary<string, string?>(settings) { ["Database__MigrateOnStartup"] = "false", ["Worker__PollInterval"] = "00:00:00.200" });
        await CreateUsersAsync(http, 1);
        await WaitForJobsAsync(database, done: jobsDone);
        if (whileRunning is not null)
        {
            await whileRunning();
        }
    }

    private static async Task WaitUntilSpanAsync(OtlpReceiver receiver, string resource, string name)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!(await receiver.SpansAsync(resource)).Any(span => Name(span) == name))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"No span '{name}' from {resource} within a minute");
            await Task.Delay(250, Ct);
        }
    }

    private static string Name(JsonElement span) => span.GetProperty("name").GetString()!;
}
