using Npgsql;
using NpgsqlTypes;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads records into a PostgreSQL table, one transaction per call: the records are copied with binary
/// <c>COPY</c> into a temporary staging table, then merged into the table with
/// <c>INSERT … ON CONFLICT DO UPDATE</c> by key. Of records with the same key only the last is copied,
/// since one statement may not change a row twice.
/// </summary>
public sealed class TableLoader<T>(TableMap<T> map, string connectionString) : ITableLoader<T>, IDisposable
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    private string Staging => $"{map.Table}_staging";

    private string Names => string.Join(", ", map.Columns.Select(column => $"\"{column.Name}\""));

    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        var columns = string.Join(", ", map.Columns.Select(column => $"\"{column.Name}\" {SqlType(column.Type)} NOT NULL"));
        await using var command = dataSource.CreateCommand($"CREATE TABLE IF NOT EXISTS \"{map.Table}\" ({columns}, PRIMARY KEY (\"{map.Key}\"))");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertAsync(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"CREATE TEMP TABLE \"{Staging}\" (LIKE \"{map.Table}\") ON COMMIT DROP", cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"{Staging}\" ({Names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in LastOfEachKey(records))
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in map.Columns)
                {
                    await WriteAsync(importer, column, record, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var updates = string.Join(", ", map.Columns.Where(column => column.Name != map.Key).Select(column => $"\"{column.Name}\" = excluded.\"{column.Name}\""));
        await ExecuteAsync(connection,
            $"INSERT INTO \"{map.Table}\" ({Names}) SELECT {Names} FROM \"{Staging}\" ON CONFLICT (\"{map.Key}\") DO UPDATE SET {updates}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void Dispose() => dataSource.Dispose();

    private IEnumerable<T> LastOfEachKey(IReadOnlyList<T> records)
    {
        var key = map.Columns.Single(column => column.Name == map.Key);
        var last = new Dictionary<object, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            last[key.Value(records[i])] = i;
        }

        return last.Values.Select(i => records[i]);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, TableColumn<T> column, T record, CancellationToken cancellationToken) =>
        column.Type switch
        {
            ColumnType.Timestamp => importer.WriteAsync(((DateTimeOffset)column.Value(record)).UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken),
            _ => importer.WriteAsync((string)column.Value(record), NpgsqlDbType.Text, cancellationToken),
        };

    private static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Timestamp => "timestamptz",
        _ => "text",
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
