namespace MyTemplates.Update;

public enum Change
{
    /// <summary>Only the template changed the file: the template's version is taken.</summary>
    Updated,

    /// <summary>Both changed it, on different lines: both changes are kept.</summary>
    Merged,

    /// <summary>Both changed the same lines: the file gets conflict markers to resolve.</summary>
    Conflict,

    /// <summary>The template added the file.</summary>
    Added,

    /// <summary>The template removed the file, which the user had not changed.</summary>
    Removed,

    /// <summary>The template removed the file, but the user had changed it: it stays.</summary>
    KeptChanged,

    /// <summary>The user deleted the file, which the template changed: it stays deleted.</summary>
    KeptDeleted,

    /// <summary>A binary file both changed: the user's is kept.</summary>
    BinaryConflict,
}

/// <summary>What an update does to one file; <see cref="Content"/> is what it writes, if anything.</summary>
public sealed record FileChange(string Path, Change Change, byte[]? Content = null, int Conflicts = 0)
{
    public bool IsConflict => Change is Change.Conflict or Change.BinaryConflict;

    /// <summary>The word the summary counts it by.</summary>
    public string Label => Change switch
    {
        Change.KeptChanged => "kept",
        Change.KeptDeleted => "skipped",
        Change.BinaryConflict => "conflict",
        _ => Change.ToString().ToLowerInvariant(),
    };

    public override string ToString() => Change switch
    {
        Change.Updated => $"updated   {Path}",
        Change.Merged => $"merged    {Path} (your changes and the template's)",
        Change.Conflict => $"conflict  {Path} ({Conflicts} {(Conflicts == 1 ? "conflict" : "conflicts")} marked with <<<<<<< and >>>>>>>)",
        Change.Added => $"added     {Path}",
        Change.Removed => $"removed   {Path}",
        Change.KeptChanged => $"kept      {Path} (the template removed it, but you changed it)",
        Change.KeptDeleted => $"skipped   {Path} (you deleted it and the template changed it: it stays deleted)",
        Change.BinaryConflict => $"conflict  {Path} (binary, changed by you and by the template: yours is kept)",
        _ => throw new ArgumentOutOfRangeException(nameof(Change)),
    };
}

/// <summary>
/// The three-way merge of trees, file by file: the base (the recorded version and options, generated afresh),
/// theirs (the new version or options) and ours (the user's work tree).
/// </summary>
public sealed class TreeMerge(string root, string baseTree, string theirsTree, (string Ours, string Base, string Theirs) labels, string scratch)
{
    /// <summary>The changes to make, in path order; files neither side changed are left out.</summary>
    public async Task<IReadOnlyList<FileChange>> PlanAsync(CancellationToken cancellationToken)
    {
        var paths = Files(baseTree).Union(Files(theirsTree)).Where(path => path != Answers.FileName).Order(StringComparer.Ordinal);
        var changes = new List<FileChange>();
        foreach (var path in paths)
        {
            if (await PlanAsync(path, cancellationToken) is { } change)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <summary>Writes the planned changes into the work tree.</summary>
    public void Apply(IEnumerable<FileChange> changes)
    {
        foreach (var change in changes)
        {
            var path = InRoot(change.Path);
            if (change.Content is { } content)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, content);
            }
            else if (change.Change == Change.Removed)
            {
                File.Delete(path);
                RemoveEmptyFolders(System.IO.Path.GetDirectoryName(path)!);
            }
        }
    }

    /// <summary>The full path of a tree-relative path, which must stay inside the solution.</summary>
    public string InRoot(string relativePath)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, relativePath));
        var rootWithSeparator = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root)) + System.IO.Path.DirectorySeparatorChar;
        return full.StartsWith(rootWithSeparator, StringComparison.Ordinal)
            ? full
            : throw new UpdateException($"the template writes {relativePath}, outside the solution: refused.");
    }

    private async Task<FileChange?> PlanAsync(string path, CancellationToken cancellationToken)
    {
        var basePath = System.IO.Path.Combine(baseTree, path);
        var theirsPath = System.IO.Path.Combine(theirsTree, path);
        var oursPath = InRoot(path);
        var original = File.Exists(basePath) ? await File.ReadAllBytesAsync(basePath, cancellationToken) : null;
        var theirs = File.Exists(theirsPath) ? await File.ReadAllBytesAsync(theirsPath, cancellationToken) : null;
        var ours = File.Exists(oursPath) ? await File.ReadAllBytesAsync(oursPath, cancellationToken) : null;
        if (ours is not null && HasCrLf(ours))
        {
            // A work tree checked out with CRLF line endings (core.autocrlf on Windows) is compared and merged in them.
            (original, theirs) = (ToCrLf(original), ToCrLf(theirs));
        }

        if (Same(original, theirs) || Same(ours, theirs))
        {
            return null;
        }

        if (theirs is null)
        {
            // The template removed the file.
            return ours is null ? null : Same(ours, original) ? new FileChange(path, Change.Removed) : new FileChange(path, Change.KeptChanged);
        }

        if (ours is null)
        {
            return original is null ? new FileChange(path, Change.Added, theirs) : new FileChange(path, Change.KeptDeleted);
        }

        if (Same(ours, original))
        {
            return new FileChange(path, Change.Updated, theirs);
        }

        if (IsBinary(ours) || IsBinary(theirs) || (original is not null && IsBinary(original)))
        {
            return new FileChange(path, Change.BinaryConflict);
        }

        // Both changed the file (or both added it): git merges it, with an empty base for a file both added.
        var (merged, conflicts) = await Git.MergeFileAsync(ours, original ?? [], theirs, labels, scratch, cancellationToken);
        return conflicts > 0 ? new FileChange(path, Change.Conflict, merged, conflicts) : new FileChange(path, Change.Merged, merged);
    }

    private void RemoveEmptyFolders(string folder)
    {
        var top = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(root));
        for (var current = folder; current.Length > top.Length && !Directory.EnumerateFileSystemEntries(current).Any();
             current = System.IO.Path.GetDirectoryName(current)!)
        {
            Directory.Delete(current);
        }
    }

    private static IEnumerable<string> Files(string tree) =>
        Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(tree, file).Replace('\\', '/'));

    private static bool Same(byte[]? left, byte[]? right) =>
        left is null ? right is null : right is not null && left.AsSpan().SequenceEqual(right);

    private static bool HasCrLf(byte[] content) => !IsBinary(content) && content.AsSpan().IndexOf("\r\n"u8) >= 0;

    private static byte[]? ToCrLf(byte[]? content) =>
        content is null || IsBinary(content) || HasCrLf(content)
            ? content
            : System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(content).Replace("\n", "\r\n", StringComparison.Ordinal));

    /// <summary>As git decides: a NUL byte in the first 8,000 bytes.</summary>
    private static bool IsBinary(byte[] content) => content.AsSpan(0, Math.Min(content.Length, 8000)).Contains((byte)0);
}
