using System.Globalization;

namespace Contoso.Etl.Models;

/// <summary>
/// What a run did. Every row read was loaded, superseded or rejected: <c>read = loaded + superseded + rejected</c>.
/// <c>loaded</c> counts the rows written, each key once a batch; <c>superseded</c> the earlier rows of a key that
/// a later row of the same batch replaced. A cancelled run counts the batches it committed, and its reject file
/// holds the rejected rows of those batches.
/// </summary>
public sealed record PipelineSummary(long Read, long Loaded, long Superseded, long Rejected, TimeSpan Elapsed, bool Cancelled)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"read: {Read}, loaded: {Loaded}, superseded: {Superseded}, rejected: {Rejected}, elapsed: {Elapsed.TotalSeconds:0.000} s, rows/s: {RowsPerSecond:0}{(Cancelled ? " (cancelled: stopped after the last committed batch)" : "")}");
}
