// The app model: `dotnet run --project <this folder>` starts the API with Aspire's dashboard, which receives
// its logs, traces and metrics (the AppHost sets OTEL_EXPORTER_OTLP_ENDPOINT for the projects it runs).
var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject("contoso-shop", Path.Combine(builder.AppHostDirectory, "..", "Contoso.Shop", "Contoso.Shop.csproj"))
    .WithHttpHealthCheck("/health/ready")
    .WithExternalHttpEndpoints();

builder.Build().Run();
