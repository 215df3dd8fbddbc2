using Contoso.Platform.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Contoso.Platform.Api.Telemetry;

public static class ApiTelemetryExtensions
{
    /// <summary>
    /// The workspace's telemetry (Hosting's <see cref="TelemetryExtensions.AddTelemetry"/>) named for the API, with a
    /// server span for each request but the health probes (an orchestrator asks every few seconds) and ASP.NET Core's
    /// metrics (request durations, active requests, Kestrel's connections).
    /// </summary>
    public static IHostApplicationBuilder AddApiTelemetry(this IHostApplicationBuilder builder) =>
        builder.AddTelemetry(
            "Contoso.Platform.Api",
            tracing => tracing.AddAspNetCoreInstrumentation(options =>
                options.Filter = context => !context.Request.Path.StartsWithSegments("/health")),
            metrics => metrics.AddAspNetCoreInstrumentation());
}
