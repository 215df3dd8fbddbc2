namespace Contoso.Tool.Cli;

/// <summary>
/// How many bytes a command has read, shown on stderr while the work takes more than a moment, and
/// only when stderr is a terminal; cleared when disposed, before the results are written.
/// </summary>
public sealed class ConsoleProgress : IProgress<long>, IDisposable
{
    private readonly TextWriter error;
    private readonly Timer? timer;
    private long bytes;
    private bool shown;
    private bool stopped;

    public ConsoleProgress(TextWriter error, bool errorIsTerminal)
    {
        this.error = error;
        if (errorIsTerminal)
        {
            timer = new Timer(_ => Show(), null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250));
        }
    }

    public void Report(long value) => Interlocked.Add(ref bytes, value);

    public void Dispose()
    {
        timer?.Dispose();
        lock (error)
        {
            stopped = true; // a tick already under way must not write after this
            if (shown)
            {
                error.Write("\r\u001b[K");
            }
        }
    }

    private void Show()
    {
        lock (error)
        {
            if (stopped)
            {
                return;
            }

            shown = true;
            error.Write($"\r{Interlocked.Read(ref bytes) / (1024 * 1024)} MiB read…");
        }
    }
}
