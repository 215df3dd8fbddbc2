using Contoso.Platform.Core.Config;
using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Repositories;
using Contoso.Platform.Core.Services;
using Microsoft.Extensions.Hosting;

namespace Contoso.Platform.Core;

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
