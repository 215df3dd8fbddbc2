using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contoso.Tool.Config;
using Contoso.Tool.Services;

namespace Contoso.Tool.Commands;

/// <summary>Writes what <c>process</c> counted: a table aligned like <c>wc</c>'s, or JSON.</summary>
public static class ReportWriter
{
    public static async Task WriteAsync(TextWriter writer, CountReport report, ReportFormat format)
    {
        if (format == ReportFormat.Json)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(report, ReportJsonContext.Default.CountReport));
            return;
        }

        var width = Math.Max(7, report.Total.Bytes.ToString(CultureInfo.InvariantCulture).Length);
        string Row(long lines, long words, long bytes, string label) =>
            $"{lines.ToString().PadLeft(width)} {words.ToString().PadLeft(width)} {bytes.ToString().PadLeft(width)}  {label}";

        await writer.WriteLineAsync($"{"lines".PadLeft(width)} {"words".PadLeft(width)} {"bytes".PadLeft(width)}  path");
        foreach (var file in report.Files)
        {
            await writer.WriteLineAsync(Row(file.Lines, file.Words, file.Bytes, file.Path));
        }

        await writer.WriteLineAsync(Row(report.Total.Lines, report.Total.Words, report.Total.Bytes, "total"));
    }
}

/// <summary>JSON written by code generated at build time: no reflection, so trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(CountReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
