using System.Data.Common;
using Contoso.Etl.Config;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Contoso.Etl.Loaders;

/// <summary>
/// Loads users into the <c>users</c> table: one transaction per batch, an upsert by id, so a later row
/// with the same id overwrites an earlier one and a rerun of the same input changes nothing.
/// </summary>
public sealed class DbUserLoader(IOptions<PipelineOptions> options) : ILoader
{
    private readonly string connectionString = options.Value.ConnectionString!;

    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS users (
            id text PRIMARY KEY,
            email text NOT NULL,
            name text NOT NULL,
            created_at timestamptz NOT NULL
        );
        """;

    // One statement per batch: arrays in, rows out. A batch holds each id once (the last user added wins).
    private const string Upsert = """
        INSERT INTO users (id, email, name, created_at)
        SELECT * FROM unnest(@id, @email, @name, @created_at)
        ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, created_at = excluded.created_at;
        """;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CreateTable;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task WriteBatchAsync(UserBatch batch)
    {
        // No cancellation token on purpose: a batch that started is committed whole.
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<List<string>>("id", batch.Ids));
        command.Parameters.Add(new NpgsqlParameter<List<string>>("email", batch.Emails));
        command.Parameters.Add(new NpgsqlParameter<List<string>>("name", batch.Names));
        command.Parameters.Add(new NpgsqlParameter<List<DateTime>>("created_at", batch.CreatedAt));
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public Task CompleteAsync() => Task.CompletedTask;

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
