using Contoso.Platform.Api;
using Contoso.Platform.Api.Edge;
using Contoso.Platform.Api.Routes;
using Contoso.Platform.Api.Telemetry;
using Contoso.Platform.Core;

var builder = WebApplication.CreateBuilder(args);

// Telemetry: traces, metrics and logs, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (Hosting).
builder.AddApiTelemetry();

// Core: settings, the DbContext with its migrations, repositories and services (shared with the worker).
builder.AddCore();

// HTTP: settings, problem details, validation, body limits, health checks and OpenAPI.
builder.AddApi();

// Edge: forwarded headers, HSTS and nosniff, CORS and the per-client rate limit, from configuration.
builder.AddEdge();

var app = builder.Build();

// The edge, the middleware and the OpenAPI document, then the health probes and every resource's routes.
app.UseEdge();
app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
