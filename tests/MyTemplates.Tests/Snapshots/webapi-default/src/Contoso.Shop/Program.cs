using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Config;
using Contoso.Shop.Db;
using Contoso.Shop.Repositories;
using Contoso.Shop.Services;

var builder = WebApplication.CreateBuilder(args);

// Settings: options bound from configuration and validated at start-up.
builder.AddAppSettings();

// Data: the DbContext, migrations before the server starts (when configured) and the readiness check.
builder.Services.AddDb();

// Repositories and services: data access and business rules.
builder.Services.AddRepositories();
builder.Services.AddServices();

// HTTP: problem details, validation, correlation ids, OpenAPI and authentication.
builder.AddApi();

var app = builder.Build();

app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
