using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core;

/// <summary>
/// A resource of the core: its repository and its service, registered together for every app of the
/// workspace. Each resource declares itself once, beside its service
/// (<c>[assembly: CoreResource&lt;UserService&gt;]</c>), and <see cref="CoreExtensions.AddCore"/> adds
/// every declared one: a new resource needs no edit anywhere else.
/// </summary>
public interface ICoreResource
{
    /// <summary>Registers the resource's repository and service.</summary>
    static abstract void AddServices(IServiceCollection services);
}

/// <summary>Declares a resource of the core; see <see cref="ICoreResource"/>.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public abstract class CoreResourceAttribute : Attribute
{
    /// <summary>The resources this assembly declares, by name, so that their order never depends on the compiler's.</summary>
    public static IReadOnlyList<CoreResourceAttribute> All { get; } =
        [.. typeof(CoreResourceAttribute).Assembly.GetCustomAttributes<CoreResourceAttribute>().OrderBy(resource => resource.Name, StringComparer.Ordinal)];

    public abstract string Name { get; }

    public abstract void AddServices(IServiceCollection services);
}

/// <inheritdoc cref="CoreResourceAttribute"/>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CoreResourceAttribute<TResource> : CoreResourceAttribute
    where TResource : ICoreResource
{
    public override string Name => typeof(TResource).Name;

    public override void AddServices(IServiceCollection services) => TResource.AddServices(services);
}

public static class CoreResourceExtensions
{
    /// <summary>Registers every declared resource's repository and service.</summary>
    public static IServiceCollection AddCoreResources(this IServiceCollection services)
    {
        foreach (var resource in CoreResourceAttribute.All)
        {
            resource.AddServices(services);
        }

        return services;
    }
}
