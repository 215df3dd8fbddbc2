using Microsoft.Extensions.Logging;

namespace Contoso.Tool.Services;

public sealed record FileCount(string Path, long Lines, long Words, long Bytes);

/// <summary>What <c>process</c> found: one entry per file read, the total, and the paths that could not be read.</summary>
public sealed record CountReport(IReadOnlyList<FileCount> Files, Counts Total, IReadOnlyList<string> Failures);

/// <summary>Counts files, folders (recursively, in name order) and standard input (<c>-</c>); a path it cannot read is reported and skipped.</summary>
public sealed partial class CountService(ILogger<CountService> logger)
{
    public const string StandardInput = "-";

    public async Task<CountReport> CountAsync(
        IReadOnlyList<string> paths,
        Func<Stream> openStandardInput,
        string currentDirectory,
        bool includeHidden,
        IProgress<long>? bytesRead = null,
        CancellationToken cancellationToken = default)
    {
        var files = new List<FileCount>();
        var failures = new List<string>();
        var total = default(Counts);

        foreach (var (display, fullPath) in Expand(paths, currentDirectory, includeHidden, failures))
        {
            try
            {
                await using var stream = fullPath == StandardInput
                    ? openStandardInput()
                    : new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                var counts = await WordCounter.CountAsync(stream, bytesRead, cancellationToken);
                files.Add(new FileCount(display, counts.Lines, counts.Words, counts.Bytes));
                total += counts;
                LogCounted(display, counts.Bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Fail(failures, $"{display}: {exception.Message}");
            }
        }

        return new CountReport(files, total, failures);
    }

    private IEnumerable<(string Display, string FullPath)> Expand(
        IReadOnlyList<string> paths, string currentDirectory, bool includeHidden, List<string> failures)
    {
        foreach (var path in paths)
        {
            if (path == StandardInput)
            {
                yield return (path, path);
                continue;
            }

            var fullPath = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(fullPath))
            {
                yield return (path, fullPath);
            }
            else if (Directory.Exists(fullPath))
            {
                foreach (var file in Walk(fullPath, includeHidden, failures))
                {
                    yield return (Path.Join(path, Path.GetRelativePath(fullPath, file)), file);
                }
            }
            else
            {
                Fail(failures, $"{path}: no such file or directory");
            }
        }
    }

    private IEnumerable<string> Walk(string directory, bool includeHidden, List<string> failures)
    {
        string[] files, directories;
        try
        {
            files = Directory.GetFiles(directory);
            directories = Directory.GetDirectories(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Fail(failures, $"{directory}: {exception.Message}");
            yield break;
        }

        foreach (var file in files.Where(file => includeHidden || !IsHidden(file)).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var child in directories.Where(child => includeHidden || !IsHidden(child)).Order(StringComparer.Ordinal))
        {
            foreach (var file in Walk(child, includeHidden, failures))
            {
                yield return file;
            }
        }
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    private void Fail(List<string> failures, string message)
    {
        failures.Add(message);
        LogFailure(message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counted {Path} ({Bytes} bytes)")]
    private partial void LogCounted(string path, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private partial void LogFailure(string message);
}
