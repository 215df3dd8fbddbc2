using System.Diagnostics;
using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.Etl;

public static class PipelineRun
{
    /// <summary>Runs the pipeline, prints its summary, and turns the outcome into an exit code with a message on stderr.</summary>
    public static async Task<int> ExecuteAsync(IServiceProvider services, RunRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var run = Telemetry.Source.StartActivity($"load {request.Entity.Name}");
        run?.SetTag("etl.entity", request.Entity.Name);
        run?.SetTag("etl.source", request.ApiBaseAddress?.ToString() ?? request.InputPath);
        var exitCode = await ExecuteAsync(services, request, output, error, run, cancellationToken);
        run?.SetTag("process.exit.code", exitCode);
        return exitCode;
    }

    private static async Task<int> ExecuteAsync(
        IServiceProvider services, RunRequest request, TextWriter output, TextWriter error, Activity? run, CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();

            // Checked before the first row is read: an input that cannot be read, or a reject file that cannot be
            // written, stops the run with nothing loaded.
            if (request.ApiBaseAddress is null)
            {
                CsvFileExtractor.CheckInput(request.InputPath);
                if (string.Equals(request.InputPath, request.RejectsPath, StringComparison.Ordinal))
                {
                    throw new PipelineException($"--rejects names the input file '{request.InputPath}': choose another path.", ExitCodes.Usage);
                }
            }

            await using var rejects = RejectWriter.Create(request.RejectsPath);
            var summary = await services.GetRequiredService<EtlPipeline>().RunAsync(request.Entity, rejects, cancellationToken);
            run?.SetTag("etl.rows.read", summary.Read).SetTag("etl.rows.loaded", summary.Loaded)
                .SetTag("etl.rows.superseded", summary.Superseded).SetTag("etl.rows.rejected", summary.Rejected);
            await output.WriteLineAsync(summary.ToString());
            if (summary.Rejected > 0)
            {
                await error.WriteLineAsync($"Rejected rows, with the reason for each: {rejects.Path}");
            }

            return summary.Cancelled ? ExitCodes.Cancelled : ExitCodes.Success;
        }
        catch (PipelineException exception)
        {
            run?.SetStatus(ActivityStatusCode.Error, exception.Message);
            await error.WriteLineAsync($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (Exception exception) when (ConfigExtensions.Describe(exception) is { } invalid)
        {
            await error.WriteLineAsync($"error: invalid settings: {invalid}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled before anything was loaded.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            run?.SetStatus(ActivityStatusCode.Error, exception.Message);
            run?.AddException(exception);
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }
}
