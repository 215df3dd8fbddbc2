using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Contoso.Shop.Api.Routes;

public static class HealthRoutes
{
    /// <summary><c>/health/live</c>: the process answers; <c>/health/ready</c>: the database does too.</summary>
    public static IEndpointRouteBuilder MapHealthRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("health");
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .WithTags("health");
        return routes;
    }
}
