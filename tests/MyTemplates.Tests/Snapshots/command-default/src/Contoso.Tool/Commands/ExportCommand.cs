using System.CommandLine;
using Contoso.Tool.Cli;
using Contoso.Tool.Core;
using Contoso.Tool.Services;

[assembly: CliCommand<Contoso.Tool.Commands.ExportCommand>]

namespace Contoso.Tool.Commands;

/// <summary>The <c>export</c> command: its arguments and options; the work is <see cref="ExportService"/>'s.</summary>
public sealed class ExportCommand : CliCommand, ICliCommand
{
    private readonly IConsoleEnvironment console;

    private readonly Argument<string[]> items = new("items")
    {
        Description = "The items to work on: one or more names.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<int> repeat = new("--repeat", "-r")
    {
        Description = "How many times to write each item (1 to 100).",
        DefaultValueFactory = _ => 1,
        CustomParser = result =>
        {
            if (int.TryParse(result.Tokens[0].Value, out var times) && times is >= 1 and <= 100)
            {
                return times;
            }

            result.AddError($"--repeat must be a whole number from 1 to 100, not '{result.Tokens[0].Value}'.");
            return 0;
        },
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Write the result to this file instead of stdout.",
    };

    public ExportCommand(GlobalOptions global, IConsoleEnvironment console)
        : base("export", """
            Write each item, --repeat times: replace this description, and the work in Services/ExportService.cs, with yours.
            Example: contoso-tool export first second --repeat 2
            """, global)
    {
        this.console = console;
        Add(items);
        Add(repeat);
        Add(output);
    }

    public static CliCommand Create(GlobalOptions global, IConsoleEnvironment console) => new ExportCommand(global, console);

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var lines = ExportService.Run(parseResult.GetValue(items)!, parseResult.GetValue(repeat));

        var outputPath = parseResult.GetValue(output);
        await using var file = outputPath is null ? null : new StreamWriter(Path.GetFullPath(outputPath, console.CurrentDirectory));
        var writer = file ?? parseResult.InvocationConfiguration.Output;
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(line);
        }

        return ExitCodes.Success;
    }
}
