namespace Contoso.Platform.Api.Routes;

public static class ApiRoutes
{
    /// <summary>Maps the health probes and every resource's route group (each declared with <see cref="ApiResourceAttribute{TResource}"/>).</summary>
    public static IEndpointRouteBuilder MapApiRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthRoutes();
        routes.MapApiResources();
        return routes;
    }
}
