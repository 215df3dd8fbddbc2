using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Contoso.Platform.Hosting;

/// <summary>
/// The one place where an app of the workspace sets up its telemetry: traces (its own, outgoing HTTP and the
/// database's spans), metrics (its own, HTTP client and runtime) and logs with their trace and span ids. They are
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the other standard <c>OTEL_*</c> variables
/// (protocol, headers, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, export intervals) work as the
/// specification says. Without the variable nothing is exported, and nothing is recorded for it either.
/// The sizes of the span batches are in appsettings.json, under the variables' names (<c>OTEL_BSP_*</c>).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The traces and metrics of the workspace's own code: an <c>ActivitySource</c> or <c>Meter</c> named in its namespace.</summary>
    public const string OwnNames = "Contoso.Platform.*";

    /// <summary>
    /// Sets up what to record, named <paramref name="serviceName"/> unless <c>OTEL_SERVICE_NAME</c> says otherwise;
    /// <paramref name="tracing"/> and <paramref name="metrics"/> add what only this app has (the API's server).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        // The app's own name first, so that OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, detected after it, win.
        void Describe(ResourceBuilder resource) => resource.AddService(serviceName).AddEnvironmentVariableDetector();

        var services = builder.Services;
        services.ConfigureOpenTelemetryTracerProvider(traces =>
        {
            traces.ConfigureResource(Describe)
                // The workspace's own spans, among them a span for each SQLite command (Core's DatabaseSpans: SQLite
                // has none of its own), and outgoing HTTP's.
                .AddSource(OwnNames, "System.Net.Http");
            tracing?.Invoke(traces);
        });
        services.ConfigureOpenTelemetryMeterProvider(meters =>
        {
            meters.ConfigureResource(Describe).AddMeter(OwnNames, "System.Net.Http", "System.Runtime");
            metrics?.Invoke(meters);
        });
        services.ConfigureOpenTelemetryLoggerProvider(logs => logs.ConfigureResource(Describe));

        // The span batches' sizes (appsettings.json, or the environment), checked even while nothing is exported so that
        // turning export on cannot be what finds them wrong. OpenTelemetry drops a size it cannot read, or caps one,
        // saying so only in its own diagnostics; start-up refuses them instead, naming the key. The options hold
        // OpenTelemetry's own value of a key that is not set (a size it could not read never reaches them).
        services.AddOptions<BatchExportActivityProcessorOptions>()
            .Validate<IConfiguration>((_, configuration) => IsSize(configuration[BatchSizeKey]), $"{BatchSizeKey} must be a whole number above 0.")
            .Validate<IConfiguration>((_, configuration) => IsSize(configuration[QueueSizeKey]), $"{QueueSizeKey} must be a whole number above 0.")
            .Validate<IConfiguration>(
                (options, configuration) => Size(configuration[BatchSizeKey], options.MaxExportBatchSize) <= Size(configuration[QueueSizeKey], options.MaxQueueSize),
                $"{BatchSizeKey} must not be larger than {QueueSizeKey}.")
            .ValidateOnStart();

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddOpenTelemetry().WithTracing().WithMetrics().WithLogging().UseOtlpExporter();
        }

        return builder;
    }

    private const string BatchSizeKey = "OTEL_BSP_MAX_EXPORT_BATCH_SIZE";
    private const string QueueSizeKey = "OTEL_BSP_MAX_QUEUE_SIZE";

    // An empty value is no value, as OpenTelemetry reads it (compose's ${VAR:-} gives one).
    private static bool IsSize(string? value) => string.IsNullOrWhiteSpace(value) || Size(value, 0) > 0;

    /// <summary>The size <paramref name="value"/> says, <paramref name="otherwise"/> when it is empty, 0 when it is not a whole number.</summary>
    private static int Size(string? value, int otherwise) =>
        string.IsNullOrWhiteSpace(value) ? otherwise : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0;
}
