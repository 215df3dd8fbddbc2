using Contoso.Etl.Config;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Contoso.Etl;

public static class PipelineRun
{
    /// <summary>Runs the pipeline, prints its summary, and turns the outcome into an exit code with a message on stderr.</summary>
    public static async Task<int> ExecuteAsync(IHost host, RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            if (File.Exists(request.RejectsPath))
            {
                File.Delete(request.RejectsPath); // an earlier run's rejects, which would read as this run's
            }

            await using var rejects = new RejectWriter(request.RejectsPath);
            var summary = await host.Services.GetRequiredService<EtlPipeline>().RunAsync(rejects, cancellationToken);
            await output.WriteLineAsync(summary.ToString());
            if (summary.Rejected > 0)
            {
                await error.WriteLineAsync($"Rejected rows, with the reason for each: {rejects.Path}");
            }

            return summary.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
        }
        catch (PipelineException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (OptionsValidationException exception)
        {
            await error.WriteLineAsync($"error: invalid settings: {ConfigExtensions.Describe(exception)}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled before anything was loaded.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
