using System.Globalization;
#if (UseSqlite)
using Company.WebApi.Db;
#endif
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Company.WebApi.Telemetry;

/// <summary>
/// The one place where the API sets up its telemetry (as Aspire's ServiceDefaults do): the server's spans (health
/// probes left out) with the database's and outgoing HTTP's under them, the server's, HTTP client's and runtime's
/// metrics, and the logs with their trace and span ids. They are exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; the other standard <c>OTEL_*</c> variables (protocol, headers,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, export intervals) work as the specification says.
/// Without the variable nothing is exported, and nothing is recorded for it either.
/// The sizes of the span batches are in appsettings.json, under the variables' names (<c>OTEL_BSP_*</c>).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The service's name unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "Company-WebApi";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        // The service's own name first, so that OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, detected after it, win.
        static void Describe(ResourceBuilder resource) => resource.AddService(ServiceName).AddEnvironmentVariableDetector();

        var services = builder.Services;
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .ConfigureResource(Describe)
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthProbe(context.Request.Path))
#if (UseSqlite)
            // SQLite has no spans of its own: the data layer's DatabaseSpans make one for each command.
            .AddSource(DatabaseSpans.SourceName)
#endif
#if (UsePostgres)
            // Npgsql's own spans, one for each command, with the server's attributes. Not EF Core's instrumentation
            // as well: it would make a second span for the same command, under the request beside Npgsql's.
            .AddSource("Npgsql")
#endif
            .AddSource("System.Net.Http"));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .ConfigureResource(Describe)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime"));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.ConfigureResource(Describe));

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

    private static bool IsHealthProbe(PathString path) => path.StartsWithSegments("/health");
}
