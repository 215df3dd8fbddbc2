using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contoso.Shop.Api.Routes;

public static class HealthRoutes
{
    /// <summary><c>/health/live</c>: the process answers; <c>/health/ready</c>: the database is migrated and answers too.</summary>
    public static IEndpointRouteBuilder MapHealthRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .WithTags("health");
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable, // still starting
            },
        }).WithTags("health");
        return routes;
    }
}
