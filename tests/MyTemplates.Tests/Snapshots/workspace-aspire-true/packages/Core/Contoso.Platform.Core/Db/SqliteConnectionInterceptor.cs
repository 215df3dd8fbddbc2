using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Contoso.Platform.Core.Db;

/// <summary>
/// Opens every SQLite connection in write-ahead logging, however the database was created or migrated:
/// readers never wait for the writer and a commit never waits for readers, so the API and the workers
/// share one file without "database is locked". <c>synchronous=NORMAL</c> is SQLite's advice for
/// write-ahead logging: a commit stays atomic and survives the app crashing, and the file is synced at
/// checkpoints instead of at every commit, so the single write lock is held for less time.
/// </summary>
public sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsReadOnly(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsReadOnly(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // EF Core checks that the file exists on a read-only connection, which may not change the journal mode.
    private static bool IsReadOnly(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
