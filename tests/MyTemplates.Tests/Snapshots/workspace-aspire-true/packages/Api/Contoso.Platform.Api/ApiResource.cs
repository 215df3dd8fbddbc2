using System.Reflection;

namespace Contoso.Platform.Api;

/// <summary>
/// A resource of the API: its route group over a resource of Core (which registers its repository and
/// service, see <c>CoreResourceAttribute</c>). Each resource declares itself once, beside its routes
/// (<c>[assembly: ApiResource&lt;UserRoutes&gt;]</c>), and start-up maps every declared one: a new
/// resource needs no edit anywhere else.
/// </summary>
public interface IApiResource
{
    /// <summary>Maps the resource's route group.</summary>
    static abstract void MapRoutes(IEndpointRouteBuilder routes);
}

/// <summary>Declares a resource of the API; see <see cref="IApiResource"/>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public abstract class ApiResourceAttribute : Attribute
{
    /// <summary>The resources this assembly declares, by name, so that their order never depends on the compiler's.</summary>
    public static IReadOnlyList<ApiResourceAttribute> All { get; } =
        [.. typeof(ApiResourceAttribute).Assembly.GetCustomAttributes<ApiResourceAttribute>().OrderBy(resource => resource.Name, StringComparer.Ordinal)];

    public abstract string Name { get; }

    public abstract void MapRoutes(IEndpointRouteBuilder routes);
}

/// <inheritdoc cref="ApiResourceAttribute"/>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ApiResourceAttribute<TResource> : ApiResourceAttribute
    where TResource : IApiResource
{
    public override string Name => typeof(TResource).Name;

    public override void MapRoutes(IEndpointRouteBuilder routes) => TResource.MapRoutes(routes);
}

public static class ApiResourceExtensions
{
    /// <summary>Maps every declared resource's route group.</summary>
    public static IEndpointRouteBuilder MapApiResources(this IEndpointRouteBuilder routes)
    {
        foreach (var resource in ApiResourceAttribute.All)
        {
            resource.MapRoutes(routes);
        }

        return routes;
    }
}
