using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Contoso.Shop.Db;
using Contoso.Shop.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Contoso.Shop.E2ETests;

/// <summary>The app's own telemetry set-up, recorded in memory: the spans of a request and the correlation id's rules.</summary>
public sealed class TelemetryTests(TelemetryTests.TracedApi api) : IClassFixture<TelemetryTests.TracedApi>
{
    private const string CorrelationHeader = "X-Correlation-ID";

    [Fact]
    public async Task Post_users_has_a_server_span_continuing_the_callers_trace_with_a_database_span_under_it()
    {
        var (traceId, parentId) = (ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/users") { Content = JsonContent.Create(new UserBuilder().Build()) };
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");

        var response = await api.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var server = await api.ServerSpanAsync(traceId);
        Assert.Equal(parentId, server.ParentSpanId);
        Assert.Equal("/users/", server.GetTagItem("http.route"));
        var database = api.Spans.Where(span => span.TraceId == traceId && span.Kind == ActivityKind.Client && IsUnder(span, server)).ToList();
        var insert = Assert.Single(database, span => span.Source.Name == DatabaseSpans.SourceName && span.DisplayName.StartsWith("INSERT", StringComparison.Ordinal));
        Assert.Equal(("sqlite", "INSERT"), (insert.GetTagItem("db.system.name"), insert.GetTagItem("db.operation.name")));
        Assert.StartsWith("INSERT INTO", insert.GetTagItem("db.query.text") as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_probes_make_no_span_not_even_the_database_check_under_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var probes = new List<ActivityTraceId>();
        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            var traceId = ActivityTraceId.CreateRandom();
            using var probe = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } } };
            Assert.Equal(HttpStatusCode.OK, (await api.Client.SendAsync(probe, ct)).StatusCode);
            probes.Add(traceId);
        }

        // A request after them whose span arrives: the probes' spans, had there been any, would have arrived first.
        var after = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/users") { Headers = { { "traceparent", $"00-{after}-{ActivitySpanId.CreateRandom()}-01" } } };
        await api.Client.SendAsync(request, ct);
        await api.ServerSpanAsync(after);

        Assert.DoesNotContain(api.Spans.ToArray(), span => probes.Contains(span.TraceId));
    }

    [Fact]
    public async Task Without_a_valid_correlation_id_the_response_carries_the_trace_id()
    {
        var ct = TestContext.Current.CancellationToken;
        foreach (var sent in new string?[] { null, "", "has space", "line\tbreak", "<script>", new('a', 129) })
        {
            var traceId = ActivityTraceId.CreateRandom();
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/users/{Guid.NewGuid()}");
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            if (sent is not null)
            {
                request.Headers.TryAddWithoutValidation(CorrelationHeader, sent);
            }

            var response = await api.Client.SendAsync(request, ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(traceId.ToHexString(), Assert.Single(response.Headers.GetValues(CorrelationHeader)));
            var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(ct);
            Assert.Equal(traceId.ToHexString(), problem!["correlationId"].ToString());
        }
    }

    [Fact]
    public async Task A_valid_correlation_id_is_returned_but_never_becomes_the_servers_trace_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var sent = ActivityTraceId.CreateRandom().ToHexString(); // looks like a trace id, and is a valid correlation id
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/users/{Guid.NewGuid()}") { Headers = { { CorrelationHeader, sent } } };

        var response = await api.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(sent, Assert.Single(response.Headers.GetValues(CorrelationHeader)));
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(ct);
        Assert.Equal(sent, problem!["correlationId"].ToString());
        // The problem's traceId is the server's own trace (W3C traceparent form), a new one: not the caller's value.
        var traceparent = problem["traceId"].ToString()!;
        Assert.StartsWith("00-", traceparent);
        Assert.DoesNotContain(sent, traceparent);
        await api.ServerSpanAsync(ActivityTraceId.CreateFromString(traceparent.AsSpan(3, 32)));
    }

    private static bool IsUnder(Activity span, Activity ancestor)
    {
        for (var parent = span.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return span.ParentSpanId == ancestor.SpanId;
    }

    /// <summary>The app with an in-memory exporter added to its own tracing set-up, on a database of its own.</summary>
    public sealed class TracedApi : IAsyncLifetime
    {
        private readonly ApiFactory factory = new();
        private WebApplicationFactory<Program>? traced;

        public List<Activity> Spans { get; } = [];

        public HttpClient Client { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await factory.InitializeAsync();
            traced = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(Spans))));
            Client = ApiFactory.AuthenticateClient(traced.CreateClient());
        }

        /// <summary>The server's span of the request in <paramref name="traceId"/>; it ends just after the response, so this waits for it.</summary>
        public async Task<Activity> ServerSpanAsync(ActivityTraceId traceId)
        {
            for (var waited = 0; waited < 100; waited++)
            {
                lock (Spans)
                {
                    if (Spans.FirstOrDefault(span => span.TraceId == traceId && span.Kind == ActivityKind.Server) is { } server)
                    {
                        return server;
                    }
                }

                await Task.Delay(50);
            }

            throw new Xunit.Sdk.XunitException($"No server span in trace {traceId} after 5 s.");
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await factory.DisposeAsync();
        }
    }
}
