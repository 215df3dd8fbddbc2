using System.Diagnostics;
using System.Globalization;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A process as Linux's <c>/proc</c> shows it: id, parent, start time (so a reused id is not taken for the same
/// process) and command line. For checking that a run leaves nothing behind, including what detached from it.
/// </summary>
public sealed record LinuxProcess(int Id, int ParentId, long StartTime, string CommandLine)
{
    /// <summary>Still running: the same process (same start time), not a zombie waiting to be reaped.</summary>
    public bool IsAlive => Read(Id) is { } now && now.StartTime == StartTime;

    public override string ToString() => $"{Id} (parent {ParentId}): {CommandLine}";

    public static IReadOnlyList<LinuxProcess> All() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => Read(int.Parse(name!, CultureInfo.InvariantCulture)))
            .OfType<LinuxProcess>()];

    public static IReadOnlyList<LinuxProcess> ChildrenOf(int parent) => [.. All().Where(process => process.ParentId == parent)];

    /// <summary>The ids of <paramref name="roots"/> and of every process under them.</summary>
    public static HashSet<int> Descendants(IReadOnlyList<LinuxProcess> all, IEnumerable<int> roots)
    {
        var tree = roots.ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var process in all.Where(process => tree.Contains(process.ParentId)))
            {
                grew |= tree.Add(process.Id);
            }
        }

        return tree;
    }

    /// <summary>Polls <paramref name="running"/> until it is empty or <paramref name="timeout"/> passes; returns what was still running.</summary>
    public static async Task<IReadOnlyList<LinuxProcess>> WaitUntilGoneAsync(Func<IEnumerable<LinuxProcess>> running, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<LinuxProcess> left = [.. running().Where(process => process.IsAlive).DistinctBy(process => (process.Id, process.StartTime))];
            if (left.Count == 0 || deadline.Elapsed > timeout)
            {
                return left;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGKILL to each of <paramref name="processes"/> still running.</summary>
    public static void Kill(IEnumerable<LinuxProcess> processes)
    {
        foreach (var process in processes.Where(process => process.IsAlive))
        {
            try
            {
                using var handle = Process.GetProcessById(process.Id);
                handle.Kill();
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
            {
                // Gone in the meantime.
            }
        }
    }

    private static LinuxProcess? Read(int id)
    {
        try
        {
            // The command name, in parentheses, may hold spaces: the fields that follow start after its last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] == "Z")
            {
                return null;
            }

            var commandLine = File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ').TrimEnd();
            return new LinuxProcess(id, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture),
                commandLine);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null; // gone, or not ours to read
        }
    }
}
