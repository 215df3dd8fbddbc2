using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Contoso.Etl.E2ETests;

/// <summary>What a run printed and how it ended.</summary>
public sealed record RunResult(int ExitCode, string Output, string Error);

public static class AppRun
{
    /// <summary>
    /// Runs the app in-process as Program.cs does, on the test's database and settings (and, for some
    /// tests, a stage of their own), capturing both streams.
    /// </summary>
    public static async Task<RunResult> RunAsync(
        string[] args, string connectionString, CancellationToken cancellationToken, Action<HostApplicationBuilder> configure,
        params (string Key, string Value)[] settings)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (request, exitCode) = await PipelineCommand.ParseAsync(args, output, error);
        if (request is not null)
        {
            var builder = PipelineHost.CreateBuilder(request);
            builder.Configuration.AddInMemoryCollection(
                [KeyValuePair.Create<string, string?>("ConnectionStrings:Default", connectionString),
                 .. settings.Select(setting => KeyValuePair.Create<string, string?>(setting.Key, setting.Value))]);
            configure(builder);
            using var host = builder.Build();
            exitCode = await PipelineRun.ExecuteAsync(host, request, output, error, cancellationToken);
        }

        return new RunResult(exitCode, output.ToString(), error.ToString());
    }
}
