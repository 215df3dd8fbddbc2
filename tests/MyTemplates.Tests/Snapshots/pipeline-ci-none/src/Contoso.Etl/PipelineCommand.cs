using System.CommandLine;
using System.CommandLine.Invocation;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Etl;

/// <summary>What the command line asks for: which entity, from which source, and where rejected rows go.</summary>
public sealed record RunRequest(Entity Entity, string InputPath, Uri? ApiBaseAddress, string RejectsPath);

/// <summary>The command line and its action, the run. A usage error is written with the help to stderr, with exit code 2.</summary>
public sealed class PipelineCommand : RootCommand
{
    /// <summary>
    /// How long Ctrl+C or SIGTERM waits for the batch being written to be committed before the process ends anyway
    /// (exit code 143). Keep it below the grace period of whatever stops the app (Kubernetes: 30 s; docker stop: 10 s).
    /// </summary>
    public static readonly TimeSpan ProcessTerminationTimeout = TimeSpan.FromSeconds(8);

    private readonly Option<string?> input = new("--input", "-i")
    {
        Description = "The CSV file to load (default: the bundled samples/<entity>.csv).",
    };

    private readonly Option<string> entity = new("--entity", "-e")
    {
        Description = "What the source holds: one of the entities in Entities.cs.",
    };

    private readonly Option<string> source = new("--source", "-s")
    {
        Description = "Where the rows come from: csv (the --input file) or api (the --url API).",
        DefaultValueFactory = _ => "csv",
    };

    private readonly Option<Uri?> url = new("--url", "-u")
    {
        Description = "The API's base address for --source api, e.g. http://localhost:5080/ (reads <url>/<entity>?page=N&size=M).",
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

    private readonly Option<string?> rejects = new("--rejects", "-r")
    {
        Description = "Where rejected rows go; the folder must exist (default: <input-name>.rejected.csv beside the input; " +
            "<entity>.rejected.csv in the current folder for the bundled sample and the API).",
    };

    private readonly IReadOnlyList<Entity> entities;
    private readonly Action<IConfigurationBuilder, IServiceCollection>? customize;

    /// <param name="entities">What can be loaded; the first is the default.</param>
    /// <param name="customize">For tests: settings and services of their own, applied after the app's.</param>
    public PipelineCommand(IReadOnlyList<Entity> entities, Action<IConfigurationBuilder, IServiceCollection>? customize = null)
        : base("""
            Loads rows into the database: extract (CSV file or HTTP API) → clean → load, streaming, in batches.
            Example: Contoso.Etl --input users.csv --rejects bad-rows.csv
            """)
    {
        if (entities.Count == 0)
        {
            throw new ArgumentException("Entities.All is empty: the pipeline needs at least one entity to load.", nameof(entities));
        }

        if (entities.GroupBy(known => known.Name).FirstOrDefault(names => names.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two entities are named '{twice.Key}': each needs a name of its own.", nameof(entities));
        }

        (this.entities, this.customize) = (entities, customize);
        entity.DefaultValueFactory = _ => entities[0].Name;
        entity.AcceptOnlyFromAmong([.. entities.Select(known => known.Name)]);
        source.AcceptOnlyFromAmong("csv", "api");
        Options.Add(input);
        Options.Add(entity);
        Options.Add(source);
        Options.Add(url);
        Options.Add(rejects);
        Validators.Add(result =>
        {
            // A validator sees no option's default value: an option left out reads as null here.
            var fromApi = result.GetValue(source) == "api";
            var entityName = result.GetValue(entity) ?? entities[0].Name;
            if (result.GetValue(input) is "" || result.GetValue(rejects) is "")
            {
                result.AddError("--input and --rejects need a path, not an empty string.");
            }
            else if (fromApi && result.GetResult(url) is null)
            {
                result.AddError("--source api needs --url, the API's base address.");
            }
            else if (fromApi && result.GetResult(input) is not null)
            {
                result.AddError("--input is for --source csv; --source api reads --url.");
            }
            else if (!fromApi && result.GetResult(url) is not null)
            {
                result.AddError("--url is for --source api; add --source api, or leave --url out to read a CSV file.");
            }
            else if (!fromApi && result.GetResult(input) is null && !File.Exists(BundledSample(entityName)))
            {
                result.AddError($"--input is needed: there is no bundled sample of {entityName}.");
            }
        });
        SetAction(LoadAsync);
    }

    /// <summary>Parses and runs; a usage error goes to stderr with the help, exit code 2.</summary>
    public async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var parseResult = Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // Ours because System.CommandLine writes a usage error's help to stdout and returns 1: scripts expect all of it on stderr, and 2.
            await parseResult.InvokeAsync(new() { Output = configuration.Error, Error = configuration.Error }, cancellationToken);
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private async Task<int> LoadAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var request = ToRequest(parseResult);
        var configuration = parseResult.InvocationConfiguration;
        ServiceProvider services;
        try
        {
            services = PipelineServices.Create(request, customize);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or IOException)
        {
            // appsettings.json that is not JSON, or cannot be read.
            await configuration.Error.WriteLineAsync($"error: invalid settings: {exception.Message}");
            return ExitCodes.Failure;
        }

        await using (services)
        {
            return await PipelineRun.ExecuteAsync(services, request, configuration.Output, configuration.Error, cancellationToken);
        }
    }

    private RunRequest ToRequest(ParseResult parseResult)
    {
        var chosen = entities.Single(known => known.Name == parseResult.GetValue(entity));
        var fromApi = parseResult.GetValue(source) == "api";
        var inputPath = parseResult.GetValue(input) is { } given
            ? Path.GetFullPath(given)
            : BundledSample(chosen.Name);

        // Beside the input the user named; the bundled sample and the API have no folder of the user's, so the current one.
        var defaultRejects = fromApi || parseResult.GetValue(input) is null
            ? $"{chosen.Name}.rejected.csv"
            : Path.Combine(Path.GetDirectoryName(inputPath)!, $"{Path.GetFileNameWithoutExtension(inputPath)}.rejected.csv");
        var rejectsPath = Path.GetFullPath(parseResult.GetValue(rejects) ?? defaultRejects);
        return new RunRequest(chosen, inputPath, fromApi ? parseResult.GetValue(url) : null, rejectsPath);
    }

    private static string BundledSample(string entityName) => Path.Combine(AppContext.BaseDirectory, "samples", $"{entityName}.csv");
}
