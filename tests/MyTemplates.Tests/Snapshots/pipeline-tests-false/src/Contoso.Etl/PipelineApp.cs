using System.CommandLine;
using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.Loaders;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contoso.Etl;

/// <summary>The command line: reads the options, wires the stages for the chosen source, runs the pipeline and turns the outcome into an exit code.</summary>
public static class PipelineApp
{
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Action<HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The CSV file to load (default: the bundled samples/users.csv).",
            DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "samples", "users.csv"),
        };
        var source = new Option<string>("--source", "-s")
        {
            Description = "Where the users come from: csv (the --input file) or api (the --url API).",
            DefaultValueFactory = _ => "csv",
        };
        source.AcceptOnlyFromAmong("csv", "api");
        var url = new Option<Uri?>("--url", "-u")
        {
            Description = "The API's base address for --source api, e.g. http://localhost:5080/.",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--url needs an absolute http(s) address, not '{text}'.");
                return null;
            },
        };
        var rejects = new Option<string?>("--rejects", "-r")
        {
            Description = "Where rejected rows go (default: <input-name>.rejected.csv beside the input; api.rejected.csv for the API).",
        };
        var root = new RootCommand("""
            Loads users into the database: extract (CSV file or HTTP API) → clean → load, streaming, in batches.
            Example: contoso-etl --input users.csv --rejects bad-rows.csv
            """)
        {
            input, source, url, rejects,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(source) == "api" && result.GetResult(url) is null)
            {
                result.AddError("--source api needs --url, the API's base address.");
            }
        });

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync();
            await root.Parse("--help").InvokeAsync(new() { Output = error }, cancellationToken);
            return ExitCodes.Usage;
        }

        if (parseResult.Action is not null)
        {
            // --help or --version: the root command itself has no action.
            return await parseResult.InvokeAsync(new() { Output = output, Error = error }, cancellationToken);
        }

        var fromApi = parseResult.GetValue(source) == "api";
        var inputPath = Path.GetFullPath(parseResult.GetValue(input)!);
        var rejectsPath = Path.GetFullPath(parseResult.GetValue(rejects)
            ?? (fromApi ? "api.rejected.csv" : Path.Combine(Path.GetDirectoryName(inputPath)!, $"{Path.GetFileNameWithoutExtension(inputPath)}.rejected.csv")));

        try
        {
            using var host = BuildHost(fromApi ? parseResult.GetValue(url) : null, inputPath, configure);
            host.Services.GetRequiredService<IStartupValidator>().Validate();

            await using var rejectWriter = new RejectWriter(rejectsPath);
            var summary = await host.Services.GetRequiredService<EtlPipeline>().RunAsync(rejectWriter, cancellationToken);
            await output.WriteLineAsync(summary.ToString());
            if (summary.Rejected > 0)
            {
                await error.WriteLineAsync($"Rejected rows, with the reason for each: {rejectWriter.Path}");
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

    private static IHost BuildHost(Uri? apiBaseAddress, string inputPath, Action<HostApplicationBuilder>? configure)
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
        if (apiBaseAddress is not null)
        {
            builder.Services.AddApiExtractor(new Uri(apiBaseAddress.ToString().TrimEnd('/') + "/"));
            builder.Services.AddSingleton<IExtractor>(provider => provider.GetRequiredService<ApiExtractor>());
        }
        else
        {
            builder.Services.AddSingleton<IExtractor>(new CsvFileExtractor(inputPath));
        }

        builder.Services.AddSingleton<ITransformer, UserCleaningTransformer>();
        builder.Services.AddDbLoader();
        builder.Services.AddSingleton<EtlPipeline>();
        configure?.Invoke(builder);
        return builder.Build();
    }
}
