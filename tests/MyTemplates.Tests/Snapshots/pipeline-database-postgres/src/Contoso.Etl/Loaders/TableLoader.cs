using Npgsql;
using NpgsqlTypes;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads records into PostgreSQL tables, one transaction per call: the records are copied with binary
/// <c>COPY</c> into a temporary staging table, then merged into the table with
/// <c>INSERT … SELECT … ORDER BY key ON CONFLICT DO UPDATE</c>. Taking the rows' locks in key order lets
/// several copies of the app load overlapping keys into one table at once; a batch that still meets a
/// deadlock or a serialization failure is run again whole, a few times, before the run fails.
/// </summary>
public sealed class TableLoader(string connectionString) : ITableLoader, IDisposable
{
    private const int Attempts = 5;

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);

    /// <summary>Why <paramref name="connectionString"/> is not an Npgsql connection string, or null when it is one.</summary>
    public static string? Check(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return exception.Message;
        }
    }

    public async Task EnsureTableAsync<T>(TableMap<T> table, CancellationToken cancellationToken = default)
    {
        // Two CREATE TABLE IF NOT EXISTS at once can both try to create it: a lock on the table's name lets one at a time check.
        var columns = string.Join(", ", table.Columns.Select(column => $"\"{column.Name}\" {SqlType(column.Type)} NOT NULL"));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockName = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection) { Parameters = { new() { Value = table.Table } } })
        {
            await lockName.ExecuteNonQueryAsync(cancellationToken);
        }

        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS \"{table.Table}\" ({columns}, PRIMARY KEY (\"{table.Key}\"))", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task UpsertAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertOnceAsync(table, records, cancellationToken);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                && attempt < Attempts)
            {
                // The transaction was rolled back whole; wait a little, longer each time, and load the same batch again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 200) * attempt), cancellationToken);
            }
        }
    }

    public void Dispose() => dataSource.Dispose();

    private async Task UpsertOnceAsync<T>(TableMap<T> table, IReadOnlyList<T> records, CancellationToken cancellationToken)
    {
        var staging = $"{table.Table}_staging";
        var names = string.Join(", ", table.Columns.Select(column => $"\"{column.Name}\""));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"CREATE TEMP TABLE \"{staging}\" (LIKE \"{table.Table}\") ON COMMIT DROP", cancellationToken);

        await using (var importer = await connection.BeginBinaryImportAsync($"COPY \"{staging}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var record in records)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    await WriteAsync(importer, column, record, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        var updates = string.Join(", ", table.Columns.Where(column => column.Name != table.Key).Select(column => $"\"{column.Name}\" = excluded.\"{column.Name}\""));
        await ExecuteAsync(connection,
            $"INSERT INTO \"{table.Table}\" ({names}) SELECT {names} FROM \"{staging}\" ORDER BY \"{table.Key}\" ON CONFLICT (\"{table.Key}\") DO UPDATE SET {updates}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, TableColumn<T> column, T record, CancellationToken cancellationToken) =>
        (column.Type, column.Value(record)) switch
        {
            (ColumnType.Timestamp, DateTimeOffset value) => importer.WriteAsync(value.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken),
            (ColumnType.Integer, long value) => importer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken),
            (ColumnType.Decimal, decimal value) => importer.WriteAsync(value, NpgsqlDbType.Numeric, cancellationToken),
            (ColumnType.Text, string value) => importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken),
            var (type, value) => throw new InvalidCastException($"Column '{column.Name}' is {type}, but its value is {value?.GetType().Name ?? "null"}."),
        };

    private static string SqlType(ColumnType type) => type switch
    {
        ColumnType.Timestamp => "timestamptz",
        ColumnType.Integer => "bigint",
        ColumnType.Decimal => "numeric",
        _ => "text",
    };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
