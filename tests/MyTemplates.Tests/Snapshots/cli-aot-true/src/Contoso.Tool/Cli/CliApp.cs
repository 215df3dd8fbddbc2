using System.CommandLine;
using Contoso.Tool.Commands;
using Contoso.Tool.Core;

namespace Contoso.Tool.Cli;

/// <summary>The root command: parses the command line, runs the command and turns every outcome into an exit code.</summary>
public static class CliApp
{
    public const string Description = "Counts lines, words and bytes in files, folders and standard input, as `wc -l -w -c` does.";

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(Description)
        {
            global.Verbose,
            global.Config,
            InitCommand.Create(context),
            ProcessCommand.Create(global, context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Error.WriteLineAsync();
            await root.Parse([.. CommandPath(parseResult), "--help"]).InvokeAsync(new() { Output = context.Error }, cancellationToken);
            return ExitCodes.Usage;
        }

        var verbose = parseResult.GetValue(global.Verbose);
        try
        {
            var configuration = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // Program.cs turns Ctrl+C and SIGTERM into cancellation.
            };
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            await context.Error.WriteLineAsync($"error: {exception.Message}");
            if (verbose)
            {
                await context.Error.WriteLineAsync(exception.ToString());
            }

            return exception is CliException cliException ? cliException.ExitCode : ExitCodes.Failure;
        }
    }

    /// <summary>The names of the subcommands the user typed, so that usage is shown for the right one.</summary>
    private static List<string> CommandPath(ParseResult parseResult)
    {
        var path = new List<string>();
        for (var result = parseResult.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        return path;
    }
}
