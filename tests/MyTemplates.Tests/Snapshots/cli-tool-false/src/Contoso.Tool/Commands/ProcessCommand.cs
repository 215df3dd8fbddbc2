using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contoso.Tool.Cli;
using Contoso.Tool.Config;
using Contoso.Tool.Core;
using Contoso.Tool.Services;
using Microsoft.Extensions.Logging;

namespace Contoso.Tool.Commands;

public static class ProcessCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, folders (read recursively) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "The report's format: table for people, json for scripts (default: the settings' format, table).",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of stdout.",
        };

        var command = new Command("process", """
            Count lines, words and bytes per file and in total, as `wc -l -w -c` does.
            Example: contoso-tool process docs README.md --format json
            """)
        {
            paths,
            format,
            output,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settingsFile = SettingsLoader.FindFile(parseResult.GetValue(global.Config)?.FullName, context.CurrentDirectory);
            var settings = SettingsLoader.Load(settingsFile, context.EnvironmentVariables, overrides: settings =>
            {
                if (parseResult.GetValue(format) is { } chosen)
                {
                    settings.Format = chosen;
                }
            });

            using var loggerFactory = Logging.CreateFactory(context.Error, parseResult.GetValue(global.Verbose));
            var service = new CountService(loggerFactory.CreateLogger<CountService>());
            CountReport report;
            using (var progress = new ProgressReporter(context))
            {
                report = await service.CountAsync(parseResult.GetValue(paths)!, context.OpenInput, context.CurrentDirectory,
                    settings.IncludeHidden, progress, cancellationToken);
            }

            if (parseResult.GetValue(output) is { } outputPath)
            {
                await using var file = new StreamWriter(Path.GetFullPath(outputPath, context.CurrentDirectory));
                await WriteReportAsync(file, report, settings.Format);
            }
            else
            {
                await WriteReportAsync(context.Output, report, settings.Format);
            }

            return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task WriteReportAsync(TextWriter writer, CountReport report, string format)
    {
        if (format == "json")
        {
            var json = new JsonReport(
                [.. report.Files.Select(file => new JsonFileCount(file.Path, file.Lines, file.Words, file.Bytes))],
                new JsonTotal(report.Total.Lines, report.Total.Words, report.Total.Bytes));
            await writer.WriteLineAsync(JsonSerializer.Serialize(json, ReportJsonContext.Default.JsonReport));
            return;
        }

        var width = Math.Max(7, report.Total.Bytes.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        string Row(long lines, long words, long bytes, string label) =>
            $"{lines.ToString().PadLeft(width)} {words.ToString().PadLeft(width)} {bytes.ToString().PadLeft(width)}  {label}";

        await writer.WriteLineAsync($"{"lines".PadLeft(width)} {"words".PadLeft(width)} {"bytes".PadLeft(width)}  path");
        foreach (var file in report.Files)
        {
            await writer.WriteLineAsync(Row(file.Lines, file.Words, file.Bytes, file.Path));
        }

        await writer.WriteLineAsync(Row(report.Total.Lines, report.Total.Words, report.Total.Bytes, "total"));
    }

    /// <summary>Shows how far <c>process</c> has got on stderr, only when stderr is a terminal and the work takes more than a moment.</summary>
    private sealed class ProgressReporter : IProgress<long>, IDisposable
    {
        private readonly CliContext context;
        private readonly Timer? timer;
        private long bytes;
        private bool shown;

        public ProgressReporter(CliContext context)
        {
            this.context = context;
            if (context.ErrorIsInteractive)
            {
                timer = new Timer(_ => Show(), null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
            }
        }

        public void Report(long value) => Interlocked.Add(ref bytes, value);

        public void Dispose()
        {
            timer?.Dispose();
            lock (context.Error)
            {
                if (shown)
                {
                    context.Error.Write("\r\u001b[K");
                }
            }
        }

        private void Show()
        {
            lock (context.Error)
            {
                shown = true;
                context.Error.Write($"\r{Interlocked.Read(ref bytes) / (1024 * 1024)} MiB read…");
            }
        }
    }
}

public sealed record JsonReport(IReadOnlyList<JsonFileCount> Files, JsonTotal Total);

public sealed record JsonFileCount(string Path, long Lines, long Words, long Bytes);

public sealed record JsonTotal(long Lines, long Words, long Bytes);

/// <summary>JSON written by code generated at build time: no reflection, so trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
