using System.Text;
using Contoso.Tool.Cli;

namespace Contoso.Tool.Tests;

/// <summary>Runs the app in-process, as the shell would, in a folder of its own, capturing stdout, stderr and the exit code.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner() => Directory.CreateDirectory(WorkingDirectory);

    public string WorkingDirectory { get; } = Path.Combine(Path.GetTempPath(), $"contoso-tool-tests-{Guid.NewGuid():N}");

    public Dictionary<string, string?> Environment { get; } = [];

    public string File(string relativePath, string content)
    {
        var path = Path.Combine(WorkingDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public async Task<CliResult> RunWithInputAsync(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput)),
            WorkingDirectory, Environment);
        var exitCode = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public void Dispose() => Directory.Delete(WorkingDirectory, recursive: true);
}

public sealed record CliResult(int ExitCode, string Output, string Error);
