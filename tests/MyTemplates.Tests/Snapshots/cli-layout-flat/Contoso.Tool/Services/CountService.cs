using System.IO.Enumeration;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Contoso.Tool.Services;

public sealed record FileCount(string Path, long Lines, long Words, long Bytes);

/// <summary>What <c>process</c> found: one entry per file read, the total, and the paths that could not be read (not in the JSON report: stderr names them).</summary>
public sealed record CountReport(IReadOnlyList<FileCount> Files, Counts Total, [property: JsonIgnore] IReadOnlyList<string> Failures);

/// <summary>
/// Counts files, folders (recursively, in name order, without build output and version control) and standard input
/// (<c>-</c>); a path it cannot read is reported and skipped.
/// </summary>
public sealed partial class CountService(ILogger<CountService> logger, Func<Stream> openStandardInput)
{
    public const string StandardInput = "-";

    public async Task<CountReport> CountAsync(
        IReadOnlyList<string> paths,
        string currentDirectory,
        bool includeHidden,
        IProgress<long>? bytesRead = null,
        CancellationToken cancellationToken = default)
    {
        var files = new List<FileCount>();
        var failures = new List<string>();
        var total = default(Counts);
        foreach (var (path, fullPath) in Expand(paths, currentDirectory, includeHidden, failures))
        {
            try
            {
                await using var stream = fullPath == StandardInput ? openStandardInput() : File.OpenRead(fullPath);
                var counts = await WordCounter.CountAsync(stream, bytesRead, cancellationToken);
                files.Add(new FileCount(path, counts.Lines, counts.Words, counts.Bytes));
                total += counts;
                LogCounted(path, counts.Bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Fail(failures, $"{path}: {exception.Message}");
            }
        }

        return new CountReport(files, total, failures);
    }

    /// <summary>Each path as the user typed it, or for a folder each file in it, with the full path to open.</summary>
    private List<(string Path, string FullPath)> Expand(IReadOnlyList<string> paths, string currentDirectory, bool includeHidden, List<string> failures)
    {
        var found = new List<(string, string)>();
        var skip = includeHidden ? FileAttributes.None : FileAttributes.Hidden; // on Linux and macOS, names starting with a dot
        foreach (var path in paths)
        {
            var fullPath = path == StandardInput ? path : Path.GetFullPath(path, currentDirectory);
            if (fullPath == StandardInput || File.Exists(fullPath))
            {
                found.Add((path, fullPath));
            }
            else if (Directory.Exists(fullPath))
            {
                found.AddRange(FilesIn(path, fullPath, skip, failures).Order(StringComparer.Ordinal).Select(file => (Shown(path, fullPath, file), file)));
            }
            else
            {
                Fail(failures, $"{path}: no such file or directory");
            }
        }

        return found;
    }

    /// <summary>
    /// Every file below a folder. Each folder is listed on its own, so that one that cannot be read is named and the rest
    /// is still counted. Build output and version control (<c>bin</c>, <c>obj</c>, <c>.git</c>) inside it are not what
    /// "this folder" means, so they are left out, as the ecosystem's tools leave them out; a folder named on the command
    /// line is read. Links to folders are not followed.
    /// </summary>
    private List<string> FilesIn(string path, string fullPath, FileAttributes skip, List<string> failures)
    {
        var files = new List<string>();
        var folders = new Stack<string>([fullPath]);
        var options = new EnumerationOptions { AttributesToSkip = skip, IgnoreInaccessible = false };
        while (folders.TryPop(out var folder))
        {
            try
            {
                var entries = new FileSystemEnumerable<(string FullPath, bool IsFile, bool IsFolder)>(folder, (ref entry) =>
                    (entry.ToFullPath(), !entry.IsDirectory, entry.IsDirectory && !entry.Attributes.HasFlag(FileAttributes.ReparsePoint)), options);
                foreach (var entry in entries)
                {
                    if (entry.IsFile)
                    {
                        files.Add(entry.FullPath);
                    }
                    else if (entry.IsFolder && Path.GetFileName(entry.FullPath) is "bin" or "obj" or ".git")
                    {
                        LogSkipped(Shown(path, fullPath, entry.FullPath));
                    }
                    else if (entry.IsFolder)
                    {
                        folders.Push(entry.FullPath);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Fail(failures, $"{Shown(path, fullPath, folder)}: {exception.Message}");
            }
        }

        return files;
    }

    /// <summary>A file or folder below <paramref name="fullPath"/> as the user would write it, from the <paramref name="path"/> they typed.</summary>
    private static string Shown(string path, string fullPath, string file) =>
        file == fullPath ? path : Path.Join(path, Path.GetRelativePath(fullPath, file));

    private void Fail(List<string> failures, string message)
    {
        failures.Add(message);
        LogFailure(message);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counted {Path} ({Bytes} bytes)")]
    private partial void LogCounted(string path, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {Path} (build output or version control: name it to count it)")]
    private partial void LogSkipped(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private partial void LogFailure(string message);
}
