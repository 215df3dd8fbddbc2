using Contoso.Platform.Api;
using Contoso.Platform.Api.Routes;
using Contoso.Platform.Core;

var builder = WebApplication.CreateBuilder(args);

// Core: settings, the DbContext with its migrations, repositories and services (shared with the worker).
builder.AddCore();

// HTTP: settings, problem details, validation, body limits, health checks and OpenAPI.
builder.AddApi();

var app = builder.Build();

// The middleware and the OpenAPI document, then the health probes and every resource's routes.
app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
