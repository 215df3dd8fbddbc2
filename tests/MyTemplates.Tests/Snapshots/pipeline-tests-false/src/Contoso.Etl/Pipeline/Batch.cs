using System.Runtime.InteropServices;
using Contoso.Etl.Models;

namespace Contoso.Etl.Pipeline;

/// <summary>
/// The rows of one batch: the clean records to load, each key once, and the rejected rows with their reasons.
/// Of rows with the same key the last wins, as it would by loading them in order; the earlier ones are counted
/// as superseded, so that <c>loaded</c> counts each key once a batch (and a merge never meets a key twice).
/// </summary>
internal sealed class Batch<T>
{
    private readonly Func<T, object> keyOf;
    private readonly Dictionary<object, int> positions;

    /// <param name="positions">Where each key's record is in <see cref="Records"/>: used while the batch is filled, cleared here.</param>
    public Batch(Func<T, object> keyOf, Dictionary<object, int> positions, int capacity)
    {
        (this.keyOf, this.positions) = (keyOf, positions);
        positions.Clear();
        Records = new(capacity);
    }

    public List<T> Records { get; }

    public List<(SourceRow Row, string Reason)> Rejects { get; } = [];

    public int Superseded { get; private set; }

    public int Count => Records.Count + Superseded + Rejects.Count;

    public void Add(T record)
    {
        ref var position = ref CollectionsMarshal.GetValueRefOrAddDefault(positions, keyOf(record), out var seen);
        if (seen)
        {
            Records[position] = record;
            Superseded++;
        }
        else
        {
            position = Records.Count;
            Records.Add(record);
        }
    }

    public void Reject(SourceRow row, string reason) => Rejects.Add((row, reason));
}
