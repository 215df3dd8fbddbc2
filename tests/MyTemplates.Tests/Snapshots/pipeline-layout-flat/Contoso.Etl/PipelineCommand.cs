using System.CommandLine;
using Contoso.Etl.Pipeline;

namespace Contoso.Etl;

/// <summary>What the command line asks for: the source (a CSV file or an HTTP API) and where rejected rows go.</summary>
public sealed record RunRequest(string InputPath, Uri? ApiBaseAddress, string RejectsPath);

/// <summary>The command line. A usage error is written with the help to the error stream, with exit code 2.</summary>
public static class PipelineCommand
{
    /// <summary>The request to run, or null with the exit code when there is nothing to run (a usage error, --help, --version).</summary>
    public static async Task<(RunRequest? Request, int ExitCode)> ParseAsync(string[] args, TextWriter output, TextWriter error)
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
            // The framework's own parse-error action writes to stdout with exit code 1; usage errors are 2, on stderr.
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"error: {parseError.Message}");
            }

            await error.WriteLineAsync();
            await root.Parse("--help").InvokeAsync(new() { Output = error });
            return (null, ExitCodes.Usage);
        }

        if (parseResult.Action is not null)
        {
            // --help or --version: the root command itself has no action.
            return (null, await parseResult.InvokeAsync(new() { Output = output, Error = error }));
        }

        var fromApi = parseResult.GetValue(source) == "api";
        var inputPath = Path.GetFullPath(parseResult.GetValue(input)!);
        var rejectsPath = Path.GetFullPath(parseResult.GetValue(rejects)
            ?? (fromApi ? "api.rejected.csv" : Path.Combine(Path.GetDirectoryName(inputPath)!, $"{Path.GetFileNameWithoutExtension(inputPath)}.rejected.csv")));
        return (new RunRequest(inputPath, fromApi ? parseResult.GetValue(url) : null, rejectsPath), ExitCodes.Success);
    }
}
