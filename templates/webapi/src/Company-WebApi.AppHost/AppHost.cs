// The app model: `dotnet run --project <this folder>` starts the API with Aspire's dashboard, which receives
// its logs, traces and metrics (the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT for the projects it runs).
var builder = DistributedApplication.CreateBuilder(args);

#if (UsePostgres)
// A PostgreSQL server you point at: `dotnet user-secrets set ConnectionStrings:Default "Host=...;..."` in this
// project, or ConnectionStrings__Default in the environment. README.md shows the change that runs one in a container.
// Refused here when unset: the orchestrator would otherwise wait for it forever without a word.
if (string.IsNullOrWhiteSpace(builder.Configuration["ConnectionStrings:Default"]))
{
    Console.Error.WriteLine("ConnectionStrings:Default is not set: point the AppHost at a PostgreSQL server (README.md, \"Aspire\").");
    Environment.ExitCode = 1;
    return;
}

var database = builder.AddConnectionString("Default");

#endif
builder.AddProject("app-resource-name", Path.Combine(builder.AppHostDirectory, "..", "Company-WebApi", "Company-WebApi.csproj"))
#if (UsePostgres)
    .WithReference(database)
    .WaitFor(database)
#endif
    .WithHttpHealthCheck("/health/ready")
    .WithExternalHttpEndpoints();

builder.Build().Run();
