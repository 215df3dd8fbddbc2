using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Contoso.Platform.Api.Routes;

public static class HealthRoutes
{
    /// <summary>
    /// <c>/health/live</c>: the process answers; <c>/health/ready</c>: the database answers and is
    /// migrated too (503 if not). Probes for the platform, left out of the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }
}
