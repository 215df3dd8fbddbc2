using Contoso.Platform.Api;
using Contoso.Platform.Api.Routes;
using Contoso.Platform.Core;

var builder = WebApplication.CreateBuilder(args);

// Core: settings, the DbContext with its migrations, repositories and services (shared with the worker).
builder.AddCore();

// HTTP: settings, problem details, validation, correlation ids, health checks and OpenAPI.
builder.AddApi();

var app = builder.Build();

app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
