using System.Diagnostics;
using Contoso.Etl.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contoso.Etl.E2ETests;

/// <summary>What a run records, caught in memory by the same set-up that exports it over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
/// <remarks>In the runs' collection: telemetry is process-wide, so no other run may go on meanwhile.</remarks>
[Collection(nameof(AppRun))]
public sealed class TelemetryTests : AppRunTest
{
    [Fact]
    public async Task A_run_is_one_span_with_its_batches_under_it_and_its_rows_are_counted_by_outcome()
    {
        var input = new UserCsv().ValidRows(2_500).Row("u002400", "again@example.com", "Again", "2024-01-01T00:00:00Z")
            .Row("bad", "not-an-email", "B", "2024-01-01T00:00:00Z").WriteTo(Folder);
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();

        var result = await AppRun.RunAsync(["--input", input], Database.ConnectionString, TestContext.Current.CancellationToken,
            services: services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics)),
            settings: ("Pipeline:BatchSize", "1000"));

        Assert.Equal(0, result.ExitCode);
        var run = Assert.Single(spans, span => span.DisplayName == "load users");
        var batches = spans.Where(span => span.DisplayName == "batch users").ToList();
        Assert.Equal(3, batches.Count);
        Assert.All(batches, batch => Assert.Equal((run.TraceId, run.SpanId), (batch.TraceId, batch.ParentSpanId)));
        Assert.Equal(2_502L, run.GetTagItem("etl.rows.read"));

        Assert.Equal(2_502, Sum(metrics, "etl.rows.read"));
        Assert.Equal(2_500, Sum(metrics, "etl.rows.loaded"));
        Assert.Equal(1, Sum(metrics, "etl.rows.superseded"));
        Assert.Equal(1, Sum(metrics, "etl.rows.rejected"));
        Assert.Contains(metrics, metric => metric.Name == "etl.batch.duration");
    }

    [Fact]
    public async Task Reading_from_the_api_puts_each_http_request_under_the_runs_span()
    {
        using var api = new FakeUsersApi(
        [
            FakeUsersApi.User("a1", "a@example.com", "A", "2024-01-01T00:00:00Z"),
            FakeUsersApi.User("a2", "b@example.com", "B", "2024-01-01T00:00:00Z"),
        ]);
        var spans = new List<Activity>();

        var result = await AppRun.RunAsync(["--source", "api", "--url", api.BaseAddress.ToString()], Database.ConnectionString,
            TestContext.Current.CancellationToken,
            services: services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));

        Assert.Equal(0, result.ExitCode);
        var run = Assert.Single(spans, span => span.DisplayName == "load users");
        var requests = spans.Where(span => span.Source.Name == "System.Net.Http").ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, request =>
        {
            Assert.Equal((run.TraceId, ActivityKind.Client), (request.TraceId, request.Kind));
            Assert.StartsWith(api.BaseAddress.ToString().TrimEnd('/'), request.GetTagItem("url.full") as string);
        });
    }

    private static long Sum(List<MetricSnapshot> metrics, string name) =>
        metrics.Where(metric => metric.Name == name).Select(metric => metric.MetricPoints.Sum(point => point.GetSumLong())).LastOrDefault();
}
