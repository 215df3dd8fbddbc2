using Contoso.Etl.Config;
using Contoso.Etl.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Loaders;

public static class LoaderExtensions
{
    public static IServiceCollection AddLoaders(this IServiceCollection services) =>
        services.AddSingleton<ITableLoader<User>>(provider =>
            new TableLoader<User>(UserTable.Map, provider.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectionString!));
}
