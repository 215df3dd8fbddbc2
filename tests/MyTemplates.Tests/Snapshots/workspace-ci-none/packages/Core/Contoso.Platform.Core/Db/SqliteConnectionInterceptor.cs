using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Contoso.Platform.Core.Db;

/// <summary>
/// Opens every SQLite connection with <c>synchronous=NORMAL</c>, SQLite's advice for write-ahead
/// logging: a commit stays atomic and survives the app crashing, and the file is synced at checkpoints
/// instead of at every commit, so the API and the workers hold the single write lock for less time.
/// </summary>
public sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
