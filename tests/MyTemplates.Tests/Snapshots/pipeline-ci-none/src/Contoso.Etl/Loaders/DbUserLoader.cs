using System.Data.Common;
using Contoso.Etl.Config;
using Contoso.Etl.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads users into the <c>users</c> table with plain ADO.NET: one prepared upsert reused for every
/// row of a batch, one transaction per batch.
/// </summary>
public sealed class DbUserLoader(IOptions<PipelineOptions> options) : ILoader
{
    private readonly string connectionString = options.Value.ConnectionString!;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS users (
            id TEXT PRIMARY KEY NOT NULL,
            email TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL -- UTC, ISO 8601 (yyyy-MM-ddTHH:mm:ss.fffffffZ)
        );
        """;

    private const string Upsert = """
        INSERT INTO users (id, email, name, created_at) VALUES ($id, $email, $name, $created_at)
        ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, created_at = excluded.created_at;
        """;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CreateTable;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteBatchAsync(IReadOnlyList<User> batch)
    {
        // No cancellation token on purpose: a batch that started is committed whole.
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = Upsert;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var email = command.Parameters.Add("$email", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var createdAt = command.Parameters.Add("$created_at", SqliteType.Text);
        command.Prepare();
        foreach (var user in batch)
        {
            id.Value = user.Id;
            email.Value = user.Email;
            name.Value = user.Name;
            createdAt.Value = user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Write-ahead logging: readers are not blocked while a batch is written.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
