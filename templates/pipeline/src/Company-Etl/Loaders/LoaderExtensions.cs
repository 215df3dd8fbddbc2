using Company.Etl.Config;
using Company.Etl.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Company.Etl.Loaders;

public static class LoaderExtensions
{
    public static IServiceCollection AddLoaders(this IServiceCollection services) =>
        services.AddSingleton<ITableLoader<User>>(provider =>
            new TableLoader<User>(UserTable.Map, provider.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectionString!));
}
