using System.Globalization;

namespace Contoso.Etl.Models;

/// <summary>
/// What a run did: every row read was either loaded or rejected. A cancelled run counts the batches it
/// committed, and its reject file holds the rejected rows of those batches.
/// </summary>
public sealed record PipelineSummary(long Read, long Loaded, long Rejected, TimeSpan Elapsed, bool Cancelled)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"read: {Read}, loaded: {Loaded}, rejected: {Rejected}, elapsed: {Elapsed.TotalSeconds:0.000} s, rows/s: {RowsPerSecond:0}{(Cancelled ? " (cancelled: stopped after the last committed batch)" : "")}");
}
