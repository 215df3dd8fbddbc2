namespace Contoso.Etl.Loaders;

/// <summary>How records of <typeparamref name="T"/> are stored: the table, its key column, and each column with its value.</summary>
public sealed record TableMap<T>(string Table, string Key, IReadOnlyList<TableColumn<T>> Columns);

/// <summary>One column of a table: its name, its type, and the value a record puts in it.</summary>
public sealed record TableColumn<T>(string Name, ColumnType Type, Func<T, object> Value);

public enum ColumnType
{
    /// <summary>A <see cref="string"/>.</summary>
    Text,

    /// <summary>A <see cref="DateTimeOffset"/>, stored in UTC.</summary>
    Timestamp,
}
