using System.CommandLine;
using Contoso.Etl.Pipeline;
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
