using Company.Etl.Config;
using Company.Etl.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Company.Etl;

public static class PipelineRun
{
    /// <summary>Runs the pipeline, prints its summary, and turns the outcome into an exit code with a message on stderr.</summary>
    public static async Task<int> ExecuteAsync(IServiceProvider services, RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();

            // Opened before the first row is read: a reject file that cannot be written stops the run with nothing loaded.
            await using var rejects = RejectWriter.Create(request.RejectsPath);
            var summary = await services.GetRequiredService<EtlPipeline>().RunAsync(request.Entity, rejects, cancellationToken);
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
