using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Loaders;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Contoso.Etl;

public static class PipelineHost
{
    /// <summary>The settings, the stages for the requested source, and the pipeline that runs them.</summary>
    public static HostApplicationBuilder CreateBuilder(RunRequest request)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Logs and progress go to stderr; stdout carries the summary only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddPipelineSettings();
        if (request.ApiBaseAddress is { } api)
        {
            builder.Services.AddApiExtractor(new Uri(api.ToString().TrimEnd('/') + "/"));
            builder.Services.AddSingleton<IExtractor>(provider => provider.GetRequiredService<ApiExtractor>());
        }
        else
        {
            builder.Services.AddSingleton<IExtractor>(new CsvFileExtractor(request.InputPath));
        }

        builder.Services.AddSingleton<ITransformer, UserCleaningTransformer>();
        builder.Services.AddLoaders();
        builder.Services.AddSingleton<EtlPipeline>();
        return builder;
    }
}
