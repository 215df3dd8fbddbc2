using System.Globalization;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (a fresh cluster on a free loopback port, from the machine's PostgreSQL 15
/// binaries), for tests that restart or stop it: the shared server of <see cref="Postgres"/> serves every other test.
/// The cluster runs as the <c>postgres</c> user (initdb refuses root) and trusts loopback logins; deleted on dispose.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly TempDirectory folder;

    private OwnPostgres(TempDirectory folder, int port) => (this.folder, Port) = (folder, port);

    public int Port { get; }

    private string DataDirectory => Path.Combine(folder.Path, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database}";

    public static async Task<OwnPostgres> StartAsync()
    {
        var folder = new TempDirectory("own-postgres");
        var server = new OwnPostgres(folder, RunningApp.FreePort());
        await RunOkAsync("chown", "-R", "postgres:postgres", folder.Path);
        await AsPostgresAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartServerAsync();
        return server;
    }

    /// <summary>Stops the server (fast: open connections are ended, as in a restart for an upgrade) and starts it again after <paramref name="away"/>.</summary>
    public async Task RestartAsync(TimeSpan away)
    {
        await StopAsync();
        await Task.Delay(away, TestContext.Current.CancellationToken);
        await StartServerAsync();
    }

    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async Task<string> PsqlAsync(string sql, string database = "postgres")
    {
        var result = await ProcessRunner.RunAsync("psql", ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-U", "postgres", "-d", database, "-c", sql], Path.GetTempPath(), TimeSpan.FromMinutes(1), new Dictionary<string, string?>(),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StandardOutput.Trim();
    }

    private Task StartServerAsync() =>
        AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(folder.Path, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {folder.Path} -c fsync=off -c max_connections=200");

    private static Task AsPostgresAsync(string tool, params string[] arguments) =>
        RunOkAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, tool), .. arguments]);

    private static async Task RunOkAsync(string fileName, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, Path.GetTempPath(), TimeSpan.FromMinutes(2), new Dictionary<string, string?>(),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Binaries, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "stop"],
            Path.GetTempPath(), TimeSpan.FromMinutes(1), new Dictionary<string, string?>(), cancellationToken: CancellationToken.None);
        folder.Dispose();
    }
}
