using System.Diagnostics;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Worker.Jobs;
using Contoso.Platform.Worker.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contoso.Platform.Worker.Tests;

/// <summary>Not run beside other classes: the worker's counters are the process's, and another class's jobs would count too.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>The worker's spans and metrics, as an exporter gets them (in memory here).</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_jobs_span_continues_the_trace_of_the_request_that_queued_it()
    {
        var spans = new List<Activity>();
        await using var worker = await WorkerHost.CreateAsync(services: services =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        _ = worker.Host.Services.GetRequiredService<TracerProvider>(); // the host is not started: the batch is run by hand

        // The request's span, as the API's server span is while it stores the user and its job (sampled).
        var request = new Activity("POST /users") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        await worker.CreateUsersAsync(1);
        request.Stop();

        var traceParent = Assert.Single(await TraceParentsAsync(worker));
        Assert.Equal(request.Id, traceParent);
        var queued = ActivityContext.Parse(traceParent!, null);

        Assert.Equal(1, await worker.Worker.RunBatchAsync(TestContext.Current.CancellationToken));

        var job = Assert.Single(spans, span => span.Source.Name == WorkerTelemetry.Name);
        Assert.Equal((queued.TraceId, queued.SpanId, ActivityKind.Consumer), (job.TraceId, job.ParentSpanId, job.Kind));
        Assert.Equal($"process {WelcomeMessage.Kind}", job.DisplayName);
    }

    [Fact]
    public async Task The_worker_counts_the_jobs_claimed_done_retried_and_failed()
    {
        var metrics = new List<MetricSnapshot>();
        var handler = new FailFirstHandler(failures: 2);
        await using var worker = await WorkerHost.CreateAsync(handler, new() { ["Jobs:MaxAttempts"] = "2", ["Jobs:RetryDelay"] = "00:00:00.010" },
            services: services => services.AddOpenTelemetry().WithMetrics(meters => meters.AddInMemoryExporter(metrics)));
        _ = worker.Host.Services.GetRequiredService<MeterProvider>();
        await worker.CreateUsersAsync(3);

        // Three jobs: the first fails twice (retried, then failed on its last try), the other two are done.
        await worker.Host.StartAsync(TestContext.Current.CancellationToken);
        await worker.WaitForJobsAsync(jobs => jobs.All(job => job.Status != JobStatus.Pending));
        await worker.Host.StopAsync(TestContext.Current.CancellationToken);
        worker.Host.Services.GetRequiredService<MeterProvider>().ForceFlush();

        long Sum(string name) => metrics.Where(metric => metric.Name == name)
            .Select(metric => metric.MetricPoints.Sum(point => point.GetSumLong())).LastOrDefault();
        Assert.Equal((4L, 2L, 1L, 1L), (Sum("worker.jobs.claimed"), Sum("worker.jobs.done"), Sum("worker.jobs.retried"), Sum("worker.jobs.failed")));
    }

    [Fact]
    public async Task The_worker_reports_how_long_the_oldest_waiting_job_has_been_due()
    {
        var metrics = new List<MetricSnapshot>();
        var clock = new SettableClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var worker = await WorkerHost.CreateAsync(clock: clock,
            services: services => services.AddOpenTelemetry().WithMetrics(meters => meters.AddInMemoryExporter(metrics)));
        var meters = worker.Host.Services.GetRequiredService<MeterProvider>(); // the host is not started: the worker is run by hand
        var ct = TestContext.Current.CancellationToken;

        await worker.CreateUsersAsync(2);
        clock.Now += TimeSpan.FromSeconds(90);
        Assert.Equal(TimeSpan.FromSeconds(90), await worker.Worker.MeasureQueueAsync(ct));
        Assert.Equal(90, OldestAge());

        Assert.Equal(2, await worker.Worker.RunBatchAsync(ct));
        Assert.Equal(TimeSpan.Zero, await worker.Worker.MeasureQueueAsync(ct));
        Assert.Equal(0, OldestAge());

        double OldestAge()
        {
            metrics.Clear();
            meters.ForceFlush();
            var gauge = Assert.Single(metrics, metric => metric.Name == "worker.jobs.pending.oldest_age");
            Assert.Equal("s", gauge.Unit);
            return Assert.Single(gauge.MetricPoints).GetGaugeLastValueDouble();
        }
    }

    private static async Task<List<string?>> TraceParentsAsync(WorkerHost worker)
    {
        await using var db = worker.Database.CreateDbContext();
        return [.. db.Jobs.Select(job => job.TraceParent)];
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FailFirstHandler(int failures) : IJobHandler
    {
        private Guid? failing;
        private int failed;

        public Task HandleAsync(Job job, CancellationToken cancellationToken)
        {
            failing ??= job.Id;
            if (job.Id == failing && failed++ < failures)
            {
                throw new InvalidOperationException("The mail server said no.");
            }

            return Task.CompletedTask;
        }
    }
}
