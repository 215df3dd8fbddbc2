using Company.Platform.Core.Config;
using Company.Platform.Core.Db;
using Company.Platform.Core.Repositories;
using Company.Platform.Core.Services;
using Microsoft.Extensions.Hosting;

namespace Company.Platform.Core;

public static class CoreExtensions
{
    /// <summary>What every app of the workspace needs: settings, the DbContext with its migrations, repositories and services.</summary>
    public static IHostApplicationBuilder AddCore(this IHostApplicationBuilder builder)
    {
        builder.AddCoreSettings();
        builder.Services.AddDb();
        builder.Services.AddRepositories();
        builder.Services.AddServices();
        builder.Services.AddCoreResources();
        return builder;
    }
}
