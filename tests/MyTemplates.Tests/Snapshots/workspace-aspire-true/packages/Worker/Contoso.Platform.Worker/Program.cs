using Contoso.Platform.Core;
using Contoso.Platform.Hosting;
using Contoso.Platform.Worker;

var builder = Host.CreateApplicationBuilder(args);

// Telemetry: traces, metrics and logs, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (Hosting).
builder.AddTelemetry("Contoso.Platform.Worker");

// Core: settings, the DbContext with its migrations, repositories and services (shared with the API).
builder.AddCore();

// Jobs: the loop that claims and runs them, and a handler for each kind of job.
builder.AddWorker();

await builder.Build().RunAsync();
