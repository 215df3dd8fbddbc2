using System.CommandLine;
using Contoso.Tool.Cli;
using Contoso.Tool.Core;
using Contoso.Tool.Services;

[assembly: CliCommand<Contoso.Tool.Commands.InitCommand>]

namespace Contoso.Tool.Commands;

public sealed class InitCommand : CliCommand, ICliCommand
{
    private readonly IConsoleEnvironment console;

    // An option, not an optional argument: the root's list of commands shows arguments as required (<dir>) whatever their arity.
    private readonly Option<string?> directory = new("--dir", "-d")
    {
        Description = "The folder to write contoso-tool.json into (default: the current folder).",
    };

    private readonly Option<bool> force = new("--force")
    {
        Description = "Overwrite an existing settings file.",
    };

    public InitCommand(GlobalOptions global, IConsoleEnvironment console)
        : base("init", """
            Write a settings file with every setting at its default, each explained by a comment.
            Example: contoso-tool init --dir ~/projects/docs --force
            """, global)
    {
        this.console = console;
        Add(directory);
        Add(force);
    }

    public static CliCommand Create(GlobalOptions global, IConsoleEnvironment console) => new InitCommand(global, console);

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(parseResult.GetValue(directory) ?? ".", console.CurrentDirectory);
        var path = await SettingsFileWriter.WriteAsync(target, parseResult.GetValue(force), cancellationToken);
        await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Wrote {path}");
        return ExitCodes.Success;
    }
}
