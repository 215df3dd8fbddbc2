using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Contoso.Etl;

/// <summary>
/// The run's telemetry: a span for the run with a span for each batch under it (and the database's own spans
/// under those), the rows read, loaded, superseded and rejected and each batch's duration, and the logs. It is
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the other standard <c>OTEL_*</c> variables
/// (protocol, headers, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>) work as the specification says.
/// Without the variable nothing is set up: the spans and measurements below are not even recorded.
/// </summary>
public static class Telemetry
{
    /// <summary>The service's name (unless <c>OTEL_SERVICE_NAME</c> says otherwise), and the name of its traces and metrics.</summary>
    public const string ServiceName = "Contoso.Etl";

    public static readonly ActivitySource Source = new(ServiceName);

    private static readonly Meter Meter = new(ServiceName);

    public static readonly Counter<long> RowsRead = Meter.CreateCounter<long>("etl.rows.read", "{row}", "Rows read from the source.");

    public static readonly Counter<long> RowsLoaded = Meter.CreateCounter<long>("etl.rows.loaded", "{row}", "Rows written to the table, each key once a batch.");

    public static readonly Counter<long> RowsSuperseded = Meter.CreateCounter<long>("etl.rows.superseded", "{row}", "Rows replaced by a later row of the same key in their batch.");

    public static readonly Counter<long> RowsRejected = Meter.CreateCounter<long>("etl.rows.rejected", "{row}", "Rows written to the reject file.");

    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("etl.batch.duration", "s", "How long a batch took to load and commit.");

    /// <summary>Counts one loaded batch's rows by outcome, and its duration, tagged with the entity.</summary>
    public static void RecordBatch(string entity, long read, long loaded, long superseded, long rejected, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("etl.entity", entity);
        RowsRead.Add(read, tag);
        RowsLoaded.Add(loaded, tag);
        RowsSuperseded.Add(superseded, tag);
        RowsRejected.Add(rejected, tag);
        BatchDuration.Record(duration.TotalSeconds, tag);
    }

    /// <summary>
    /// What to record, for whatever exports it; and the OTLP exporter when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
    /// (from the environment, as the specification says, or the app's configuration).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The service's own name first, so that OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, detected after it, win.
        static void Describe(ResourceBuilder resource) => resource.AddService(ServiceName).AddEnvironmentVariableDetector();

        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .ConfigureResource(Describe)
            .AddSource(ServiceName, "Npgsql", "System.Net.Http"));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .ConfigureResource(Describe)
            .AddMeter(ServiceName, "System.Net.Http", "System.Runtime"));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.ConfigureResource(Describe));

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddOpenTelemetry().WithTracing().WithMetrics().WithLogging().UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// Starts what <see cref="AddTelemetry"/> set up, if anything (without a host, nothing else would). Disposing
    /// <paramref name="services"/> exports what is left, so a run's last batch and its counters are not lost.
    /// </summary>
    public static void StartTelemetry(this IServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
    }
}
