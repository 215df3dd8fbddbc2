using System.Diagnostics;
using System.Text;

namespace MyTemplates.Tests.Infrastructure;

public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() =>
        $"`{Command}` exited with {ExitCode}\n--- stdout ---\n{Tail(StandardOutput)}\n--- stderr ---\n{Tail(StandardError)}";

    private static string Tail(string text) => text.Length <= 12_000 ? text : "…" + text[^12_000..];
}

/// <summary>Runs child processes with a time-out, capturing both streams, and kills the whole tree on time-out or cancellation.</summary>
public static class ProcessRunner
{
    /// <summary>Environment that keeps child builds from leaving MSBuild nodes or compiler servers behind holding our pipes.</summary>
    public static readonly IReadOnlyDictionary<string, string?> BuildEnvironment = new Dictionary<string, string?>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        ["NUGET_XMLDOC_MODE"] = "skip",
    };

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        var startInfo = CreateStartInfo(fileName, arguments, workingDirectory, environment);
        startInfo.RedirectStandardInput = standardInput is not null;
        var command = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";

        using var process = new Process { StartInfo = startInfo };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"`{command}` did not finish within {timeout} and was killed.\n{stdout}\n{stderr}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        return new ProcessResult(command, process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static ProcessStartInfo CreateStartInfo(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in BuildEnvironment.Concat(environment ?? new Dictionary<string, string?>()))
        {
            startInfo.Environment[key] = value;
        }

        return startInfo;
    }

    public static Task<ProcessResult> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync("dotnet", arguments, workingDirectory, timeout, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Runs dotnet and fails the test, with the output, unless it exits with 0.</summary>
    public static async Task<ProcessResult> DotnetOkAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var result = await DotnetAsync(workingDirectory, timeout, arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
