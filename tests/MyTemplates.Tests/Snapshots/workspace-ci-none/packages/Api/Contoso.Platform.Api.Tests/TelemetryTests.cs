using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Contoso.Platform.Api.Telemetry;
using Contoso.Platform.Core.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Contoso.Platform.Api.Tests;

/// <summary>Not run beside other classes: every test server of the process reports to the one listener of ASP.NET Core's spans.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// The API's spans, as an exporter gets them (in memory here): each request is a trace's server span, its database
/// commands are spans under it, the job it queues carries its trace context; and the correlation id's rules.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SpanList spans = [];

    [Fact]
    public async Task Post_users_is_a_server_span_with_its_database_commands_under_it_and_its_job_carries_the_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, traceId) = TracedClient();

        var created = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var server = await SpanAsync(span => span.TraceId == traceId && span.Kind == ActivityKind.Server);
        Assert.Equal("POST /users/", server.DisplayName);
        Assert.Contains(await SpansAsync(span => span.ParentSpanId == server.SpanId), span => span.Kind == ActivityKind.Client && span.Tags.Any(tag => tag.Key == "db.system" || tag.Key == "db.system.name"));

        await using var db = factory.Database.CreateDbContext();
        var job = await db.Jobs.AsNoTracking().SingleAsync(job => job.TraceParent != null && job.TraceParent.Contains(traceId.ToHexString()), ct);
        Assert.Equal($"00-{traceId.ToHexString()}-{server.SpanId.ToHexString()}-01", job.TraceParent);
    }

    [Fact]
    public async Task Health_probes_have_no_spans()
    {
        var (client, traceId) = TracedClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users", TestContext.Current.CancellationToken)).StatusCode);

        // The request after the probe has its span, so the probe's would be there by now.
        await SpanAsync(span => span.TraceId == traceId && span.DisplayName == "GET /users/");
        Assert.DoesNotContain(spans.Snapshot(), span => span.TraceId == traceId && span.DisplayName.Contains("health", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_correlation_id_is_the_callers_when_valid_else_the_trace_id_and_never_the_trace_identifier()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, traceId) = TracedClient();
        var trace = traceId.ToHexString();

        Assert.Equal("order-42:a_b.c", await CorrelationIdAsync(client, "order-42:a_b.c"));
        Assert.Equal(trace, await CorrelationIdAsync(client, null));
        Assert.Equal(trace, await CorrelationIdAsync(client, new string('x', 129)));
        Assert.Equal(trace, await CorrelationIdAsync(client, "two words"));
        Assert.Equal(trace, await CorrelationIdAsync(client, "<script>"));

        // A problem carries both: the caller's correlation id, and the trace (W3C id of the request's span).
        using var missing = new HttpRequestMessage(HttpMethod.Get, $"/users/{Guid.NewGuid()}") { Headers = { { "X-Correlation-ID", "abc-404" } } };
        var response = await client.SendAsync(missing, ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(ct))!;
        Assert.Equal("abc-404", problem["correlationId"].ToString());
        Assert.Contains(trace, problem["traceId"].ToString());
    }

    [Theory]
    [InlineData(null, "Contoso.Platform.Api")]
    [InlineData("orders-api", "orders-api")]
    public void The_service_is_named_for_the_project_unless_OTEL_SERVICE_NAME_says_otherwise(string? setting, string expected)
    {
        using var app = factory.WithWebHostBuilder(builder =>
        {
            if (setting is not null)
            {
                builder.UseSetting("OTEL_SERVICE_NAME", setting);
            }

            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        });

        var resource = app.Services.GetRequiredService<TracerProvider>().GetResource();

        Assert.Equal(expected, resource.Attributes.Single(attribute => attribute.Key == "service.name").Value);
    }

    [Theory]
    [InlineData(null, 1024)]
    [InlineData("256", 256)]
    public void The_OTLP_exporter_sends_spans_in_batches_of_1024_unless_OTEL_BSP_MAX_EXPORT_BATCH_SIZE_says_otherwise(string? setting, int expected)
    {
        using var app = factory.WithWebHostBuilder(builder =>
        {
            // Export on, to a port where nothing listens: the app's own exporter is built, and the test sends no request.
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:9");
            if (setting is not null)
            {
                builder.UseSetting("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", setting);
            }
        });

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        // The options the OTLP exporter's span processor is made from.
        var processor = app.Services.GetRequiredService<IOptionsMonitor<ActivityExportProcessorOptions>>().CurrentValue;
        Assert.Equal(ExportProcessorType.Batch, processor.ExportProcessorType);
        Assert.Equal(expected, processor.BatchExportProcessorOptions.MaxExportBatchSize);
        Assert.Equal(4096, processor.BatchExportProcessorOptions.MaxQueueSize);
    }

    [Theory]
    [InlineData("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=lots", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_QUEUE_SIZE=0", "OTEL_BSP_MAX_QUEUE_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_QUEUE_SIZE=-1", "OTEL_BSP_MAX_QUEUE_SIZE must be")]
    [InlineData("OTEL_BSP_MAX_EXPORT_BATCH_SIZE=5000;OTEL_BSP_MAX_QUEUE_SIZE=4096", "OTEL_BSP_MAX_EXPORT_BATCH_SIZE must not be larger")]
    public async Task Start_up_refuses_an_invalid_span_batch_setting_naming_its_key(string settings, string message)
    {
        // A builder of the test's own: through WebApplicationFactory a start that fails can surface as an
        // ObjectDisposedException rather than its cause.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings.Split(';').Select(setting => setting.Split('='))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddApiTelemetry();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(message, error.Message);
    }

    private static async Task<string> CorrelationIdAsync(HttpClient client, string? header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Correlation-ID", header);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return Assert.Single(response.Headers.GetValues("X-Correlation-ID"));
    }

    /// <summary>A client of the app with an in-memory exporter, whose requests continue a trace of the test's (W3C traceparent).</summary>
    private (HttpClient Client, ActivityTraceId TraceId) TracedClient()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var client = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)))).CreateClient();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return (client, traceId);
    }

    private async Task<Activity> SpanAsync(Func<Activity, bool> match) => (await SpansAsync(match))[0];

    // A server span ends just after its response is sent: wait for it a little.
    private async Task<List<Activity>> SpansAsync(Func<Activity, bool> match)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); ; await Task.Delay(20, TestContext.Current.CancellationToken))
        {
            var found = spans.Snapshot().Where(match).ToList();
            if (found.Count > 0)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No such span among {spans.Count}.");
        }
    }

    /// <summary>What the exporter adds to, read while it adds.</summary>
    private sealed class SpanList : System.Collections.ObjectModel.Collection<Activity>
    {
        public Activity[] Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
