namespace Contoso.Etl.Models;

/// <summary>
/// One row as a source gave it: its fields, read by column name, and its header, so that a rejected row can
/// be written back as it came. A row whose field count differs from its header's also keeps its text as
/// read (<see cref="RawText"/>), since its fields cannot be matched to columns.
/// </summary>
public sealed record SourceRow(long Number, RowHeader Header, IReadOnlyList<string> Fields, string? RawText = null)
{
    /// <summary>The field under <paramref name="column"/> (any case), or "" when the row has no such field.</summary>
    public string this[string column] => Header.IndexOf(column) is var ordinal and >= 0 && ordinal < Fields.Count ? Fields[ordinal] : "";
}

/// <summary>A source's column names, looked up ignoring case and surrounding spaces; the first of two equal names wins.</summary>
public sealed class RowHeader
{
    private readonly Dictionary<string, int> ordinals = new(StringComparer.OrdinalIgnoreCase);

    // Rules ask for the same few names, written in their code, row after row: once looked up, such a name is found
    // again by reference, without hashing it (a bulk load does this millions of times).
    private (string Column, int Ordinal)[] askedBefore = [];

    public RowHeader(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            ordinals.TryAdd(names[i].Trim(), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>The position of <paramref name="column"/>, or -1 when the header lacks it.</summary>
    public int IndexOf(string column)
    {
        foreach (var (asked, ordinal) in askedBefore)
        {
            if (ReferenceEquals(asked, column))
            {
                return ordinal;
            }
        }

        var found = ordinals.GetValueOrDefault(column, -1);
        if (askedBefore.Length < 16)
        {
            askedBefore = [.. askedBefore, (column, found)];
        }

        return found;
    }
}
