using System.Data.Common;
using Contoso.Etl.Config;
using Contoso.Etl.Models;
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

    // One statement per batch: arrays in, rows out. A batch holds each id once (the last row wins).
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

    public async Task WriteBatchAsync(IReadOnlyList<User> batch)
    {
        // No cancellation token on purpose: a batch that started is committed whole.
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var lastById = new Dictionary<string, User>(batch.Count, StringComparer.Ordinal);
        foreach (var user in batch)
        {
            lastById[user.Id] = user;
        }

        await using var command = new NpgsqlCommand(Upsert, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("id", [.. lastById.Values.Select(user => user.Id)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("email", [.. lastById.Values.Select(user => user.Email)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("name", [.. lastById.Values.Select(user => user.Name)]));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("created_at", [.. lastById.Values.Select(user => user.CreatedAt.UtcDateTime)]));
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
