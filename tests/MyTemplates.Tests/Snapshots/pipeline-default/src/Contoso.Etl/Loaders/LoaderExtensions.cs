using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Etl.Loaders;

public static class LoaderExtensions
{
    public static IServiceCollection AddDbLoader(this IServiceCollection services) =>
        services.AddSingleton<ILoader, DbUserLoader>();
}
