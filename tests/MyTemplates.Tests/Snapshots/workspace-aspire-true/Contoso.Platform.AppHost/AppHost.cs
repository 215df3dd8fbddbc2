// The app model: `dotnet run --project <this folder>` starts the API and two workers with Aspire's dashboard,
// which receives their logs, traces and metrics (the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT for what it runs).
var builder = DistributedApplication.CreateBuilder(args);

// One SQLite file that the API and every worker agree on: app.db at the workspace's root, unless
// ConnectionStrings__Default in the environment (or ConnectionStrings:Default in this project's appsettings) names another.
var sqlite = builder.Configuration["ConnectionStrings:Default"]
    ?? $"Data Source={Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "app.db"))}";
var database = builder.AddConnectionString("Default", ReferenceExpression.Create($"{sqlite}"));

var packages = Path.Combine(builder.AppHostDirectory, "..", "packages");
var api = builder.AddProject("contoso-platform-api", Path.Combine(packages, "Api", "Contoso.Platform.Api", "Contoso.Platform.Api.csproj"))
    .WithReference(database)
    .WithHttpHealthCheck("/health/ready")
    .WithExternalHttpEndpoints();

builder.AddProject("contoso-platform-worker", Path.Combine(packages, "Worker", "Contoso.Platform.Worker", "Contoso.Platform.Worker.csproj"))
    .WithReference(database)
    .WithReplicas(2)
    .WaitFor(api); // the API migrates the database at start-up

builder.Build().Run();
