using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core;

/// <summary>
/// Declares a resource of the core: its service and its repository, registered together for every app
/// of the workspace. Each resource declares itself once, beside its service
/// (<c>[assembly: CoreResource&lt;UserService, IUserRepository, UserRepository&gt;]</c>), and
/// <see cref="CoreExtensions.AddCore"/> registers every declared one: a new resource needs no edit anywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public abstract class CoreResourceAttribute : Attribute
{
    /// <summary>The resources this assembly declares.</summary>
    public static IReadOnlyList<CoreResourceAttribute> All { get; } =
        [.. typeof(CoreResourceAttribute).Assembly.GetCustomAttributes<CoreResourceAttribute>()];

    /// <summary>Registers the resource's repository and service.</summary>
    public abstract void AddServices(IServiceCollection services);
}

/// <inheritdoc cref="CoreResourceAttribute"/>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CoreResourceAttribute<TService, TRepository, TRepositoryImplementation> : CoreResourceAttribute
    where TService : class
    where TRepository : class
    where TRepositoryImplementation : class, TRepository
{
    public override void AddServices(IServiceCollection services) =>
        services.AddScoped<TRepository, TRepositoryImplementation>().AddScoped<TService>();
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
