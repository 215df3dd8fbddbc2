using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core.Services;

public static class ServiceExtensions
{
    /// <summary>Registers the clock and the services that belong to no resource (each resource registers its own, see <see cref="CoreResourceAttribute"/>).</summary>
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<JobService>();
        return services;
    }
}
