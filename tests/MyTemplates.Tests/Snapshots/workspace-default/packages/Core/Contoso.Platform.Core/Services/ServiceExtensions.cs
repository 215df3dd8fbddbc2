using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core.Services;

public static class ServiceExtensions
{
    public static IServiceCollection AddServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserService>();
        services.AddScoped<JobService>();
        return services;
    }
}
