using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core.Repositories;

public static class RepositoryExtensions
{
    public static IServiceCollection AddRepositories(this IServiceCollection services) =>
        services
            .AddScoped<IUserRepository, UserRepository>()
            .AddScoped<IJobRepository, JobRepository>();
}
