using System.CommandLine;
using Contoso.Etl.Pipeline;
using Contoso.Etl.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Etl.E2ETests;

/// <summary>What a run printed and how it ended.</summary>
public sealed record RunResult(int ExitCode, string Output, string Error);

public static class AppRun
{
    /// <summary>
    /// Runs the app in-process as Program.cs does, on the test's database and settings (and, for some tests,
    /// entities or services of their own), capturing both streams; the test's token stands for Ctrl+C.
    /// </summary>
    public static async Task<RunResult> RunAsync(
        string[] args, string connectionString, CancellationToken cancellationToken,
        IReadOnlyList<Entity>? entities = null, Action<IServiceCollection>? services = null, params (string Key, string Value)[] settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = new PipelineCommand(entities ?? Entities.All, (configuration, collection) =>
        {
            configuration
                .AddInMemoryCollection([KeyValuePair.Create<string, string?>("ConnectionStrings:Default", connectionString)])
                .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key, setting.Value)));
            services?.Invoke(collection);
        });

        // No signal handling in-process: the test host owns the process.
        var exitCode = await command.InvokeAsync(args,
            new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken);
        return new RunResult(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A test of whole runs: a folder of its own for inputs and reject files, and a fresh database.</summary>
/// <remarks>Runs share process-wide state (telemetry, the console), so each such test class joins the <see cref="AppRun"/> collection.</remarks>
public abstract class AppRunTest : IAsyncLifetime
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("contoso-etl-e2e-").FullName;

    protected TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    protected Task<RunResult> RunAsync(params string[] args) => RunAsync(args, settings: []);

    protected Task<RunResult> RunAsync(string[] args, params (string Key, string Value)[] settings) =>
        AppRun.RunAsync(args, Database.ConnectionString, TestContext.Current.CancellationToken, settings: settings);

    protected Task<RunResult> RunAsync(string[] args, IReadOnlyList<Entity> entities) =>
        AppRun.RunAsync(args, Database.ConnectionString, TestContext.Current.CancellationToken, entities);
}
