using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>A started app process, killed with its children on dispose, whatever the test's outcome.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RunningApp(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static RunningApp Start(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, bool holdStandardInput = false)
    {
        var process = new Process { StartInfo = ProcessRunner.CreateStartInfo(fileName, arguments, workingDirectory, environment) };
        process.StartInfo.RedirectStandardInput = holdStandardInput; // an open, silent stdin: reads block until the app is stopped
        process.Start();
        return new RunningApp(process);
    }

    /// <summary>Sends SIGTERM, as a service manager or `kill` would, and returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            Path.GetTempPath(), TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.ToString());
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Kills the process outright (SIGKILL), as a crash or the OOM killer would: no handler runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    public bool HasExited => process.HasExited;

    public int Id => process.Id;

    /// <summary>Waits for the app to exit and returns the exit code, failing the test after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(timeout);
        await process.WaitForExitAsync(wait.Token);
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, failing with the app's output if it exits or the time runs out.</summary>
    public async Task WaitUntilOkAsync(HttpClient http, string url, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            Assert.False(process.HasExited, $"The app exited with {(process.HasExited ? process.ExitCode : 0)} before answering:\n{Output}");
            try
            {
                using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{url} did not answer 200 within {timeout}:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }
}
