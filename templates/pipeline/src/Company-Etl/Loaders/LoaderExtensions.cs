using Company.Etl.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Company.Etl.Loaders;

public static class LoaderExtensions
{
    public static IServiceCollection AddLoader(this IServiceCollection services) =>
        services.AddSingleton<ITableLoader>(provider =>
            new TableLoader(provider.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectionString!));
}
