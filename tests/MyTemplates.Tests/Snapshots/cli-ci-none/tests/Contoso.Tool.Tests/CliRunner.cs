using System.CommandLine;
using System.Text;
using Contoso.Tool.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Contoso.Tool.Tests;

/// <summary>Runs the app in-process, as the shell would, in a folder of its own, capturing stdout, stderr and the exit code.</summary>
public sealed class CliRunner : IConsoleEnvironment, IDisposable
{
    private Stream standardInput = Stream.Null;

    public CliRunner() => Directory.CreateDirectory(CurrentDirectory);

    public string CurrentDirectory { get; } = Path.Combine(Path.GetTempPath(), $"contoso-tool-tests-{Guid.NewGuid():N}");

    public bool ErrorIsTerminal => false;

    public Dictionary<string, string?> Environment { get; } = [];

    public string File(string relativePath, string content)
    {
        var path = Path.Combine(CurrentDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public async Task<CliResult> RunWithInputAsync(Stream input, string[] args, CancellationToken cancellationToken)
    {
        standardInput = input;
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() };
        var exitCode = await CliApp.InvokeAsync(CliApp.CreateRootCommand(this).Parse(args), configuration, cancellationToken);
        return new CliResult(exitCode, configuration.Output.ToString()!, configuration.Error.ToString()!);
    }

    public Task<CliResult> RunWithInputAsync(string input, params string[] args) =>
        RunWithInputAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), args, TestContext.Current.CancellationToken);

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public Stream OpenStandardInput() => standardInput;

    public IConfigurationSource EnvironmentVariables(string prefix) => new MemoryConfigurationSource
    {
        InitialData = Environment.Where(variable => variable.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(variable => KeyValuePair.Create(variable.Key[prefix.Length..], variable.Value)),
    };

    public void Dispose() => Directory.Delete(CurrentDirectory, recursive: true);
}

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Standard input at a terminal where nobody types: a read waits for ever and, like the console's, ignores cancellation.</summary>
public sealed class BlockingStream : MemoryStream
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(new TaskCompletionSource<int>().Task);
}
