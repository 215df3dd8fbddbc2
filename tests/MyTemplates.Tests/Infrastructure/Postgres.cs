namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, from <c>POSTGRES_TEST_CONNECTION_STRING</c>, which the
/// README's test command sets after starting the server. Without it, PostgreSQL scenarios fail and say so.
/// </summary>
public static class Postgres
{
    public const string Variable = "POSTGRES_TEST_CONNECTION_STRING";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with scripts/test.sh, which starts PostgreSQL and sets it, or set it yourself.");

    /// <summary>The connection string with another database.</summary>
    public static string ForDatabase(string database) =>
        string.Join(';', Parts().Where(part => !part.Key.Equals("Database", StringComparison.OrdinalIgnoreCase))
            .Select(part => $"{part.Key}={part.Value}")
            .Append($"Database={database}"));

    /// <summary>Runs SQL through psql against the server's maintenance database.</summary>
    public static async Task<string> PsqlAsync(string sql, string database = "postgres")
    {
        var parts = Parts().ToDictionary(part => part.Key.ToLowerInvariant(), part => part.Value);
        var environment = new Dictionary<string, string?>
        {
            ["PGHOST"] = parts.GetValueOrDefault("host", "127.0.0.1"),
            ["PGPORT"] = parts.GetValueOrDefault("port", "5432"),
            ["PGUSER"] = parts.GetValueOrDefault("username", parts.GetValueOrDefault("user id", "postgres")),
            ["PGPASSWORD"] = parts.GetValueOrDefault("password", ""),
        };
        var result = await ProcessRunner.RunAsync("psql", ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, "-c", sql],
            Path.GetTempPath(), TimeSpan.FromMinutes(1), environment, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput.Trim();
    }

    private static IEnumerable<KeyValuePair<string, string>> Parts() =>
        ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => KeyValuePair.Create(pair[0].Trim(), pair.Length > 1 ? pair[1].Trim() : ""));
}
