using Contoso.Platform.Core.Models;
using Contoso.Platform.Worker.Config;
using Contoso.Platform.Worker.Jobs;

namespace Contoso.Platform.Worker;

public static class WorkerExtensions
{
    /// <summary>Registers the worker: its settings, the job loop, and the handler of each kind of job (keyed by the kind).</summary>
    public static IHostApplicationBuilder AddWorker(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerOptions>()
            .BindConfiguration(WorkerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddKeyedScoped<IJobHandler, WelcomeMessageHandler>(WelcomeMessage.Kind);
        builder.Services.AddHostedService<JobWorker>();
        return builder;
    }
}
