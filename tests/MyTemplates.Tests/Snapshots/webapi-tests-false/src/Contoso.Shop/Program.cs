using Contoso.Shop.Api;
using Contoso.Shop.Api.Routes;
using Contoso.Shop.Config;
using Contoso.Shop.Db;
using Contoso.Shop.Services;

var builder = WebApplication.CreateBuilder(args);

// Settings: options bound from configuration and validated at start-up.
builder.AddAppSettings();

// Data: the DbContext, migrations before the server starts (when configured) and the readiness check.
builder.Services.AddDb();

// Services every resource shares (the clock), then each resource's repository and service.
builder.Services.AddServices();
builder.Services.AddApiResources();

// HTTP: problem details, validation, correlation ids, OpenAPI and authentication.
builder.AddApi();

var app = builder.Build();

app.UseApi();
app.MapApiRoutes();

await app.RunAsync();
