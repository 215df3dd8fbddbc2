namespace Contoso.Platform.Api.Routes;

public static class ApiRoutes
{
    /// <summary>Maps every route group of the API.</summary>
    public static IEndpointRouteBuilder MapApiRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthRoutes();
        routes.MapUserRoutes();
        return routes;
    }
}
