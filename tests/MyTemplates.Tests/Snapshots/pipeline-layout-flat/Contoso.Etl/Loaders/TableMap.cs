using System.Text.RegularExpressions;

namespace Contoso.Etl.Loaders;

/// <summary>
/// How records of <typeparamref name="T"/> are stored: the table, its key column, and each column with its value.
/// The table is created from it when missing; a table that exists is used as it is (a column added to the map
/// later needs <c>ALTER TABLE</c> by hand, or the table dropped).
/// </summary>
public sealed partial class TableMap<T>
{
    public TableMap(string table, string key, IReadOnlyList<TableColumn<T>> columns)
    {
        // Names go into SQL as they are: plain identifiers only.
        foreach (var name in columns.Select(column => column.Name).Prepend(table))
        {
            if (!Identifier().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a plain SQL identifier (letters, digits and _).", nameof(columns));
            }
        }

        if (columns.Count(column => column.Name == key) != 1 || columns.Count < 2)
        {
            throw new ArgumentException($"The key '{key}' must be one of the columns, beside at least one other.", nameof(key));
        }

        (Table, Key, Columns) = (table, key, columns);
        KeyOf = columns.Single(column => column.Name == key).Value;
    }

    public string Table { get; }

    public string Key { get; }

    public IReadOnlyList<TableColumn<T>> Columns { get; }

    /// <summary>A record's key, the value of its <see cref="Key"/> column.</summary>
    public Func<T, object> KeyOf { get; }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}

/// <summary>One column of a table: its name, its type, and the value a record puts in it (of the type's .NET type, never null).</summary>
public sealed record TableColumn<T>(string Name, ColumnType Type, Func<T, object> Value);

public enum ColumnType
{
    /// <summary>A <see cref="string"/>.</summary>
    Text,

    /// <summary>A <see cref="DateTimeOffset"/>, stored in UTC.</summary>
    Timestamp,

    /// <summary>A <see cref="long"/>.</summary>
    Integer,

    /// <summary>A <see cref="decimal"/>, stored exactly (PostgreSQL: numeric; SQLite: its invariant text).</summary>
    Decimal,
}
