using System.CommandLine;
using Contoso.Tool.Cli;
using Contoso.Tool.Config;
using Contoso.Tool.Core;
using Contoso.Tool.Services;
using Microsoft.Extensions.Logging;

[assembly: CliCommand<Contoso.Tool.Commands.ProcessCommand>]

namespace Contoso.Tool.Commands;

public sealed class ProcessCommand : CliCommand, ICliCommand
{
    private readonly GlobalOptions global;
    private readonly IConsoleEnvironment console;

    private readonly Argument<string[]> paths = new("paths")
    {
        Description = "Files, folders (read recursively) or - for standard input.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<ReportFormat?> format = new("--format", "-f")
    {
        Description = "The report's format: table for people, json for scripts (default: the settings' format, table).",
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Write the report to this file instead of stdout.",
    };

    public ProcessCommand(GlobalOptions global, IConsoleEnvironment console)
        : base("process", """
            Count lines, words and bytes per file and in total, as `wc -l -w -c` does.
            Example: contoso-tool process docs README.md --format json
            """, global)
    {
        this.global = global;
        this.console = console;
        format.AcceptOnlyFromAmong("table", "json");
        Add(paths);
        Add(format);
        Add(output);
    }

    public static CliCommand Create(GlobalOptions global, IConsoleEnvironment console) => new ProcessCommand(global, console);

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = SettingsLoader.Load(parseResult.GetValue(global.Config), console);
        var reportFormat = parseResult.GetValue(format) ?? settings.Format;
        var error = parseResult.InvocationConfiguration.Error;

        using var loggerFactory = Logging.CreateFactory(error, parseResult.GetValue(global.Verbose));
        var service = new CountService(loggerFactory.CreateLogger<CountService>(), console.OpenStandardInput);
        CountReport report;
        using (var progress = new ConsoleProgress(error, console.ErrorIsTerminal))
        {
            // Ours because a read blocked on stdin ignores the token: stop waiting for the count once it is cancelled.
            report = await service.CountAsync(parseResult.GetValue(paths)!, console.CurrentDirectory, settings.IncludeHidden, progress, cancellationToken)
                .WaitAsync(cancellationToken);
        }

        var outputPath = parseResult.GetValue(output);
        await using var file = outputPath is null ? null : new StreamWriter(Path.GetFullPath(outputPath, console.CurrentDirectory));
        await ReportWriter.WriteAsync(file ?? parseResult.InvocationConfiguration.Output, report, reportFormat);

        return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }
}
