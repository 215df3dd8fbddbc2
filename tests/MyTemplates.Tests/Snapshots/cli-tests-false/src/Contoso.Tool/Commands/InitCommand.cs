using System.CommandLine;
using Contoso.Tool.Cli;
using Contoso.Tool.Services;

namespace Contoso.Tool.Commands;

public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Argument<string?>("dir")
        {
            Description = "The folder to write contoso-tool.json into (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force")
        {
            Description = "Overwrite an existing settings file.",
        };

        var command = new Command("init", """
            Write a settings file with every setting at its default, each explained by a comment.
            Example: contoso-tool init ~/projects/docs --force
            """)
        {
            directory,
            force,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = Path.GetFullPath(parseResult.GetValue(directory) ?? ".", context.CurrentDirectory);
            var path = await SettingsFileWriter.WriteAsync(target, parseResult.GetValue(force), cancellationToken);
            await context.Output.WriteLineAsync($"Wrote {path}");
            return 0;
        });
        return command;
    }
}
