using System.Diagnostics;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A command running in a real terminal (a detached tmux session): what a person at the keyboard
/// would see on the screen, and the keys they would press. Each terminal has a tmux server of its own
/// (its own socket): with one shared server, a test starting a session while another killed the last
/// one could meet the server on its way out ("server exited unexpectedly"). Killed on dispose.
/// </summary>
public sealed class Terminal : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly string session = $"mytemplates-{Guid.NewGuid():N}"[..24];
    private readonly string socket;
    private readonly string workingDirectory;

    private Terminal(string workingDirectory)
    {
        this.workingDirectory = workingDirectory;
        socket = Path.Combine(Path.GetTempPath(), session);
    }

    /// <summary>Starts <paramref name="bashCommand"/> under bash in a new 200×50 terminal.</summary>
    public static async Task<Terminal> StartAsync(string workingDirectory, string bashCommand)
    {
        var terminal = new Terminal(workingDirectory);
        await terminal.TmuxAsync("new-session", "-d", "-s", terminal.session, "-x", "200", "-y", "50", "-c", workingDirectory, "bash", "-c", bashCommand);
        return terminal;
    }

    public async Task<string> ScreenAsync() => (await TmuxAsync("capture-pane", "-p", "-t", session)).StandardOutput;

    /// <summary>Polls the screen until it shows <paramref name="text"/>, and returns that screen.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var screen = await ScreenAsync();
        while (!screen.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(deadline.Elapsed < timeout, $"The terminal did not show '{text}' within {timeout}. Screen:\n{screen}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
            screen = await ScreenAsync();
        }

        return screen;
    }

    /// <summary>Presses keys, in tmux's names (e.g. <c>C-c</c> for Ctrl+C).</summary>
    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", session, .. keys]);

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("tmux", ["-S", socket, "kill-server"], workingDirectory, CommandTimeout);
        File.Delete(socket); // tmux leaves it behind
    }

    private async Task<ProcessResult> TmuxAsync(params string[] args)
    {
        var result = await ProcessRunner.RunAsync("tmux", ["-S", socket, .. args], workingDirectory, CommandTimeout);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
