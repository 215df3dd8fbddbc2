using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// The published web API over OTLP, at a real receiver (the Aspire dashboard): without
/// OTEL_EXPORTER_OTLP_ENDPOINT nothing is sent and nothing is said about telemetry; with it the app reports
/// traces, logs and metrics under the project's name, <c>POST /users</c> has its database span under it, a
/// log record carries the request's trace id, and the health probes have no spans.
/// </summary>
public abstract partial class WebApiEndToEndTests<TApi>
{
    protected async Task AssertTelemetryOverOtlpAsync()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var resource = Api.Scenario.ProjectName;

        // Without the variable: a user created, nothing at the receiver, nothing logged about telemetry.
        await using (var database = await AppDatabase.CreateAsync(Api))
        {
            var port = RunningApp.FreePort();
            await using var app = Api.Start(port, Settings(database));
            using var http = await ReadyClientAsync(app, port);
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/users", new { email = "quiet@example.com", name = "Q" }, Ct)).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(1), Ct); // longer than the export intervals below
            Assert.Empty(await receiver.ResourceNamesAsync());
            Assert.DoesNotContain("telemetry", app.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("otlp", app.Output, StringComparison.OrdinalIgnoreCase);
        }

        // With it (and short export intervals).
        await using (var database = await AppDatabase.CreateAsync(Api))
        {
            var exporting = new Dictionary<string, string?>(Settings(database))
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.GrpcEndpoint,
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            };
            var port = RunningApp.FreePort();
            await using var app = Api.Start(port, exporting);
            using var http = await ReadyClientAsync(app, port);
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/users", new { email = "traced@example.com", name = "T" }, Ct)).StatusCode);
            await receiver.WaitForAsync(resource, logs: true);

            var post = await WaitForSpanAsync(receiver, resource, "POST /users/");
            var traceId = post.GetProperty("traceId").GetString();
            var spans = await receiver.SpansAsync(resource);
            Assert.Contains(spans, span => span.GetProperty("traceId").GetString() == traceId
                && span.GetProperty("parentSpanId").GetString() == post.GetProperty("spanId").GetString());
            Assert.DoesNotContain(spans, span => span.GetProperty("name").GetString()!.Contains("health", StringComparison.Ordinal));
            Assert.Contains(await receiver.LogRecordsAsync(resource), record => record.TryGetProperty("traceId", out var id) && id.GetString() == traceId);
        }
    }

    private static async Task<JsonElement> WaitForSpanAsync(OtlpReceiver receiver, string resource, string name)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var spans = (await receiver.SpansAsync(resource)).Where(span => span.GetProperty("name").GetString() == name).ToList();
            if (spans.Count > 0)
            {
                return Assert.Single(spans);
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(1), $"No span '{name}' from {resource} within a minute");
            await Task.Delay(250, Ct);
        }
    }
}

public sealed partial class WebApiDefaultEndToEndTests
{
    [Fact]
    public Task Over_otlp_the_app_reports_traces_logs_and_metrics_and_without_the_endpoint_nothing() => AssertTelemetryOverOtlpAsync();
}

public sealed partial class WebApiPostgresEndToEndTests
{
    [Fact]
    public Task Over_otlp_the_app_reports_traces_logs_and_metrics_and_without_the_endpoint_nothing() => AssertTelemetryOverOtlpAsync();
}
