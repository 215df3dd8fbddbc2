using System.CommandLine;
using Contoso.Tool.Core;

namespace Contoso.Tool.Cli;

/// <summary>
/// A subcommand: its arguments and options, and <see cref="RunAsync"/> doing its work. Every outcome
/// becomes an exit code here: a failure is one line on stderr (with its details under --verbose),
/// cancellation by Ctrl+C or SIGTERM is "Cancelled." and 130.
/// </summary>
public abstract class CliCommand : Command
{
    private readonly GlobalOptions global;

    protected CliCommand(string name, string description, GlobalOptions global)
        : base(name, description)
    {
        this.global = global;
        SetAction(InvokeAsync);
    }

    protected abstract Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await RunAsync(parseResult, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            if (parseResult.GetValue(global.Verbose))
            {
                await error.WriteLineAsync(exception.ToString());
            }

            return ExitCodes.Failure;
        }
    }
}
