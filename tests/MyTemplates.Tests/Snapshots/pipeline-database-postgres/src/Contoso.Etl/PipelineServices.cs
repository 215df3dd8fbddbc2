using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Loaders;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contoso.Etl;

/// <summary>
/// The wiring for one run: settings (<c>appsettings.json</c>, then environment variables), logging, telemetry,
/// the source the command line chose, the loader and the pipeline. A run is a command, not a service, so there is
/// no host: System.CommandLine owns the process's lifetime (Ctrl+C, SIGTERM) and its exit code.
/// </summary>
public static class PipelineServices
{
    public static ServiceProvider Create(RunRequest request, Action<IConfigurationBuilder, IServiceCollection>? customize = null)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        // Logs and progress go to stderr; stdout carries the summary only.
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

        services.AddTelemetry(configuration);
        services.AddPipelineSettings();
        if (request.ApiBaseAddress is { } api)
        {
            services.AddApiExtractor(new Uri(api.ToString().TrimEnd('/') + "/"));
            services.AddSingleton<IExtractor>(provider => provider.GetRequiredService<ApiExtractor>());
        }
        else
        {
            services.AddSingleton<IExtractor>(new CsvFileExtractor(request.InputPath));
        }

        services.AddLoader();
        services.AddSingleton<EtlPipeline>();
        customize?.Invoke(configuration, services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.StartTelemetry();
        return provider;
    }
}
