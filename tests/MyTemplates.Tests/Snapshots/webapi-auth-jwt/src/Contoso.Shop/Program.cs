using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Config;
using Contoso.Shop.Db;
using Contoso.Shop.Edge;
using Contoso.Shop.Services;
using Contoso.Shop.Telemetry;

var builder = WebApplication.CreateBuilder(args);

// Telemetry: traces, metrics and logs, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
builder.AddTelemetry();

// Settings: options bound from configuration and validated at start-up.
builder.AddAppSettings();

// Data: the DbContext, migrations before the server starts (when configured) and the readiness check.
builder.Services.AddDb();

// Services every resource shares (the clock), then each resource's repository and service.
builder.Services.AddServices();
builder.Services.AddApiResources();

// HTTP: problem details, validation, correlation ids, OpenAPI and authentication.
builder.AddApi();

// Edge: forwarded headers, HSTS and nosniff, CORS and the per-client rate limit, from configuration.
builder.AddEdge();

var app = builder.Build();

app.UseEdge();
app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
