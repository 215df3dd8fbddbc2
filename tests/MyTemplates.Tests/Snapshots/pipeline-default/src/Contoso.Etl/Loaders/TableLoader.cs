using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads records into a SQLite table: one transaction per call, one prepared
/// <c>INSERT … ON CONFLICT DO UPDATE</c> by key run for each record in order, so the last record of a
/// key wins. Timestamps are stored as ISO 8601 text in UTC.
/// </summary>
public sealed class TableLoader<T>(TableMap<T> map, string connectionString) : ITableLoader<T>, IDisposable
{
    private string? upsert;

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
        Execute(connection.Handle!, upsert ??= UpsertSql(), records);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Closes the pooled connections: the last one to close copies the write-ahead log into the database file.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    // The statement runs on SQLite's own prepared-statement API (SQLitePCL, under Microsoft.Data.Sqlite),
    // inside the ADO.NET transaction: ADO.NET looks every parameter up by name at every execution, which
    // for a bulk load is most of the work. Values are bound as UTF-16 spans, which SQLite copies.
    private void Execute(sqlite3 database, string sql, IReadOnlyList<T> records)
    {
        Check(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        using (statement)
        {
            Span<char> timestamp = stackalloc char[64];
            foreach (var record in records)
            {
                var parameter = 1;
                foreach (var column in map.Columns)
                {
                    var value = column.Value(record);
                    if (column.Type == ColumnType.Timestamp)
                    {
                        ((DateTimeOffset)value).UtcDateTime.TryFormat(timestamp, out var length, "O", CultureInfo.InvariantCulture);
                        raw.sqlite3_bind_text16(statement, parameter++, timestamp[..length]);
                    }
                    else
                    {
                        raw.sqlite3_bind_text16(statement, parameter++, ((string)value).AsSpan());
                    }
                }

                Check(raw.sqlite3_step(statement), database);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private string UpsertSql()
    {
        var names = string.Join(", ", map.Columns.Select(column => $"\"{column.Name}\""));
        var values = string.Join(", ", map.Columns.Select(_ => "?"));
        var updates = string.Join(", ", map.Columns.Where(column => column.Name != map.Key).Select(column => $"\"{column.Name}\" = excluded.\"{column.Name}\""));
        return $"INSERT INTO \"{map.Table}\" ({names}) VALUES ({values}) ON CONFLICT (\"{map.Key}\") DO UPDATE SET {updates}";
    }

    private static void Check(int result, sqlite3 database)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE))
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(database).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(database));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Write-ahead logging: readers are not blocked while a batch is written. NORMAL: a crashed process
        // loses no committed batch; a power cut can lose the last ones (they are loaded again on a rerun).
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
