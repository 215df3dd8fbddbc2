using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
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

        // Help as -h, -? and --help: the default also answers /h and /?, which tab completion would offer on every platform.
        var help = root.Options.OfType<HelpOption>().Single();
        root.Options[root.Options.IndexOf(help)] = new HelpOption("--help", "-h", "-?");

        // Every command declared with [assembly: CliCommand<TCommand>], then tab completion, which knows them all.
        foreach (var command in CliCommandAttribute.All)
        {
            root.Add(command.Create(global, console));
        }

        root.Add(new CompletionCommand(global));
        foreach (var command in root.Subcommands)
        {
            foreach (var argument in command.Arguments)
            {
                argument.Validators.Add(RefuseOptionLikeValues);
            }
        }

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

    /// <summary>
    /// A value that starts with '-' (but is not '-' alone, standard input) is a mistyped or misplaced option, not a file
    /// name: System.CommandLine passes a token that matches no option to the command's arguments. A value after '--' is
    /// the user's to give, and the parser marks it as the command's rather than the argument's, so it compares unequal to
    /// the token the argument would own; './-name' reaches such a file too.
    /// </summary>
    private static void RefuseOptionLikeValues(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value is ['-', _, ..] && token == new Token(token.Value, TokenType.Argument, result.Argument))
            {
                result.AddError($"Unrecognized option '{token.Value}'. For a file whose name starts with '-', write ./{token.Value} or put it after --.");
            }
        }
    }
}
