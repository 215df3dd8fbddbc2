using System.CommandLine;
using System.CommandLine.Invocation;
using Contoso.Tool.Commands;
using Contoso.Tool.Core;

namespace Contoso.Tool.Cli;

/// <summary>The root command and how it is invoked.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(IConsoleEnvironment console)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("Counts lines, words and bytes in files, folders and standard input, as `wc -l -w -c` does.")
        {
            global.Verbose,
            global.Config,
        };

        // Every command declared with [assembly: CliCommand<TCommand>], then tab completion, which knows them all.
        foreach (var command in CliCommandAttribute.All)
        {
            root.Add(command.Create(global, console));
        }

        root.Add(new CompletionCommand(global));
        return root;
    }

    public static async Task<int> InvokeAsync(ParseResult parseResult, InvocationConfiguration configuration, CancellationToken cancellationToken = default)
    {
        if (parseResult.Action is ParseErrorAction)
        {
            // Ours because System.CommandLine writes a usage error's help to stdout and returns 1: scripts expect all of it on stderr, and 2.
            await parseResult.InvokeAsync(new() { Output = configuration.Error, Error = configuration.Error }, cancellationToken);
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
