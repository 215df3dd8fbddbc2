using Contoso.Etl.Models;
using nietras.SeparatedValues;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// Writes rejected rows as CSV: the source's header and fields as they came, plus a <c>reason</c>
/// column. The file is created with the first rejected row, so a clean run leaves none behind.
/// </summary>
public sealed class RejectWriter(string path) : IAsyncDisposable
{
    private SepWriter? writer;

    public string Path { get; } = path;

    public long Count { get; private set; }

    public async Task WriteAsync(SourceRow row, string reason, CancellationToken cancellationToken = default)
    {
        if (writer is null)
        {
            // Rows are written as they came, so their field counts may differ from the header's: written by position.
            writer = Sep.New(',').Writer(options => options with { Escape = true, WriteHeader = false, DisableColCountCheck = true, ColNotSetOption = SepColNotSetOption.Skip })
                .ToFile(Path);
            await WriteRecordAsync([.. row.Header, "reason"], cancellationToken);
        }

        await WriteRecordAsync([.. row.Fields, reason], cancellationToken);
        Count++;
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }
    }

    private async ValueTask WriteRecordAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        await using var record = writer!.NewRow(cancellationToken);
        for (var i = 0; i < fields.Count; i++)
        {
            record[i].Set(fields[i]);
        }
    }
}
