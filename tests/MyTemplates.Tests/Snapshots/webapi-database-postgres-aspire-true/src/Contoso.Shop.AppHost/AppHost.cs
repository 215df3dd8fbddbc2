// The app model: `dotnet run --project <this folder>` starts the API with Aspire's dashboard, which receives
// its logs, traces and metrics (the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT for the projects it runs).
var builder = DistributedApplication.CreateBuilder(args);

// A PostgreSQL server you point at: `dotnet user-secrets set ConnectionStrings:Default "Host=...;..."` in this
// project, or ConnectionStrings__Default in the environment. README.md shows the change that runs one in a container.
var database = builder.AddConnectionString("Default");

builder.AddProject("contoso-shop", Path.Combine(builder.AppHostDirectory, "..", "Contoso.Shop", "Contoso.Shop.csproj"))
    .WithReference(database)
    .WaitFor(database)
    .WithHttpHealthCheck("/health/ready")
    .WithExternalHttpEndpoints();

builder.Build().Run();
