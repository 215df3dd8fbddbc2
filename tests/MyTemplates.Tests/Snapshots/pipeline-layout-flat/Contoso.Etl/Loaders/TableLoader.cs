using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads records into SQLite tables: one transaction per call, one prepared
/// <c>INSERT … ON CONFLICT DO UPDATE</c> by key run for each record. Timestamps are stored as ISO 8601 text in UTC.
/// </summary>
public sealed class TableLoader(string connectionString) : ITableLoader, IDisposable
{
    private readonly Dictionary<string, string> upserts = [];

    /// <summary>Why <paramref name="connectionString"/> is not a SQLite connection string, or null when it is one.</summary>
    public static string? Check(string connectionString)
    {
        try
        {
            _ = new SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return exception.Message;
        }
    }

    public async Task EnsureTableAsync<T>(TableMap<T> table, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var columns = string.Join(", ", table.Columns.Select(column => $"\"{column.Name}\" {SqlType(column.Type)} NOT NULL"));
        command.CommandText = $"CREATE TABLE IF NOT EXISTS \"{table.Table}\" ({columns}, PRIMARY KEY (\"{table.Key}\"))";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        if (!upserts.TryGetValue(table.Table, out var sql))
        {
            upserts[table.Table] = sql = UpsertSql(table);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        Execute(connection.Handle!, sql, table, records);
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
    private static void Execute<T>(sqlite3 database, string sql, TableMap<T> table, IReadOnlyList<T> records)
    {
        Check(raw.sqlite3_prepare_v2(database, sql, out var statement), database);
        using (statement)
        {
            Span<char> timestamp = stackalloc char[64];
            foreach (var record in records)
            {
                var parameter = 1;
                foreach (var column in table.Columns)
                {
                    switch (column.Type, column.Value(record))
                    {
                        case (ColumnType.Timestamp, DateTimeOffset value):
                            value.UtcDateTime.TryFormat(timestamp, out var length, "O", CultureInfo.InvariantCulture);
                            raw.sqlite3_bind_text16(statement, parameter++, timestamp[..length]);
                            break;
                        case (ColumnType.Integer, long value):
                            raw.sqlite3_bind_int64(statement, parameter++, value);
                            break;
                        case (ColumnType.Decimal, decimal value):
                            raw.sqlite3_bind_text16(statement, parameter++, value.ToString(CultureInfo.InvariantCulture).AsSpan());
                            break;
                        case (ColumnType.Text, string value):
                            raw.sqlite3_bind_text16(statement, parameter++, value.AsSpan());
                            break;
                        case var (type, value):
                            throw new InvalidCastException($"Column '{column.Name}' of {table.Table} is {type}, but its value is {value?.GetType().Name ?? "null"}.");
                    }
                }

                Check(raw.sqlite3_step(statement), database);
                raw.sqlite3_reset(statement);
            }
        }
    }

    private static string UpsertSql<T>(TableMap<T> table)
    {
        var names = string.Join(", ", table.Columns.Select(column => $"\"{column.Name}\""));
        var values = string.Join(", ", table.Columns.Select(_ => "?"));
        var updates = string.Join(", ", table.Columns.Where(column => column.Name != table.Key).Select(column => $"\"{column.Name}\" = excluded.\"{column.Name}\""));
        return $"INSERT INTO \"{table.Table}\" ({names}) VALUES ({values}) ON CONFLICT (\"{table.Key}\") DO UPDATE SET {updates}";
    }

    // Decimals are kept as text: SQLite's numbers are 64-bit floats, which would round them.
    private static string SqlType(ColumnType type) => type == ColumnType.Integer ? "INTEGER" : "TEXT";

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
        // The busy timeout: while another copy of the app writes a batch, wait for it instead of failing.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
