using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads records into a SQLite table: one transaction per call, an <c>INSERT … ON CONFLICT DO UPDATE</c>
/// by key, many rows a statement (rows within a statement are applied in order, so the last one wins).
/// Timestamps are stored as ISO 8601 text in UTC.
/// </summary>
public sealed class TableLoader<T>(TableMap<T> map, string connectionString) : ITableLoader<T>, IDisposable
{
    private const int RowsPerStatement = 100;

    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var columns = string.Join(", ", map.Columns.Select(column => $"\"{column.Name}\" TEXT NOT NULL"));
        command.CommandText = $"CREATE TABLE IF NOT EXISTS \"{map.Table}\" ({columns}, PRIMARY KEY (\"{map.Key}\"))";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertAsync(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        SqliteCommand? command = null;
        try
        {
            for (var start = 0; start < records.Count; start += RowsPerStatement)
            {
                var rows = Math.Min(RowsPerStatement, records.Count - start);
                if (command is null || command.Parameters.Count != rows * map.Columns.Count)
                {
                    command?.Dispose();
                    command = CreateUpsert(connection, rows);
                }

                for (var row = 0; row < rows; row++)
                {
                    for (var column = 0; column < map.Columns.Count; column++)
                    {
                        command.Parameters[row * map.Columns.Count + column].Value = ToDb(map.Columns[column], records[start + row]);
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            command?.Dispose();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections: the last one to close copies the write-ahead log into the database file.</summary>
    public void Dispose() => SqliteConnection.ClearPool(new SqliteConnection(connectionString));

    private SqliteCommand CreateUpsert(SqliteConnection connection, int rows)
    {
        var command = connection.CreateCommand();
        var names = string.Join(", ", map.Columns.Select(column => $"\"{column.Name}\""));
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(row =>
            $"({string.Join(", ", map.Columns.Select((_, column) => $"$p{row * map.Columns.Count + column}"))})"));
        var updates = string.Join(", ", map.Columns.Where(column => column.Name != map.Key).Select(column => $"\"{column.Name}\" = excluded.\"{column.Name}\""));
        command.CommandText = $"INSERT INTO \"{map.Table}\" ({names}) VALUES {values} ON CONFLICT (\"{map.Key}\") DO UPDATE SET {updates}";
        for (var parameter = 0; parameter < rows * map.Columns.Count; parameter++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{parameter}", SqliteType.Text));
        }

        command.Prepare();
        return command;
    }

    private static object ToDb(TableColumn<T> column, T record) => column.Type switch
    {
        ColumnType.Timestamp => ((DateTimeOffset)column.Value(record)).UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        _ => column.Value(record),
    };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Write-ahead logging: readers are not blocked while a batch is written; NORMAL sync is safe with it.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
