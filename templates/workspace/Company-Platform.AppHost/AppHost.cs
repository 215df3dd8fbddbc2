// The app model: `dotnet run --project <this folder>` starts the API and two workers with Aspire's dashboard,
// which receives their logs, traces and metrics (the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT for what it runs).
var builder = DistributedApplication.CreateBuilder(args);

#if (UsePostgres)
// A PostgreSQL server you point at: ConnectionStrings__Default in the environment (or ConnectionStrings:Default in
// this project's appsettings). README.md shows the change that runs one in a container.
// Refused here when unset: the orchestrator would otherwise wait for it forever without a word.
if (string.IsNullOrWhiteSpace(builder.Configuration["ConnectionStrings:Default"]))
{
    Console.Error.WriteLine("ConnectionStrings:Default is not set: point the AppHost at a PostgreSQL server (README.md, \"Aspire\").");
    Environment.ExitCode = 1;
    return;
}

var database = builder.AddConnectionString("Default");
#else
// One SQLite file that the API and every worker agree on: app.db at the workspace's root, unless
// ConnectionStrings__Default in the environment (or ConnectionStrings:Default in this project's appsettings) names another.
var sqlite = builder.Configuration["ConnectionStrings:Default"]
    ?? $"Data Source={Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "app.db"))}";
var database = builder.AddConnectionString("Default", ReferenceExpression.Create($"{sqlite}"));
#endif

var packages = Path.Combine(builder.AppHostDirectory, "..", "packages");
var api = builder.AddProject("app-resource-name-api", Path.Combine(packages, "Api", "Company-Platform.Api", "Company-Platform.Api.csproj"))
    .WithReference(database)
    .WithHttpHealthCheck("/health/ready")
    .WithExternalHttpEndpoints();

builder.AddProject("app-resource-name-worker", Path.Combine(packages, "Worker", "Company-Platform.Worker", "Company-Platform.Worker.csproj"))
    .WithReference(database)
    .WithReplicas(2)
    .WaitFor(api); // the API migrates the database at start-up

builder.Build().Run();
