using System.Text;
using Contoso.Etl.Models;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// Writes rejected rows as CSV: the source's header and fields as they came, plus a <c>reason</c>
/// column. The file is created with the first rejected row, so a clean run leaves none behind.
/// </summary>
public sealed class RejectWriter(string path) : IAsyncDisposable
{
    private StreamWriter? writer;

    public string Path { get; } = path;

    public long Count { get; private set; }

    public async Task WriteAsync(SourceRow row, string reason)
    {
        if (writer is null)
        {
            writer = new StreamWriter(Path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
            await writer.WriteAsync(Line([.. row.Header, "reason"]));
        }

        await writer.WriteAsync(Line([.. row.Fields, reason]));
        Count++;
    }

    /// <summary>One CSV record: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    public static string Line(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(field => field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : field)) + "\n";

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
    }
}
