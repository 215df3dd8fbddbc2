using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Platform.Core.Repositories;

public static class RepositoryExtensions
{
    /// <summary>Registers the repositories that belong to no resource (each resource registers its own, see <see cref="CoreResourceAttribute"/>).</summary>
    public static IServiceCollection AddRepositories(this IServiceCollection services) =>
        services.AddScoped<IJobRepository, JobRepository>();
}
