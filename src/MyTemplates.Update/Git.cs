namespace MyTemplates.Update;

/// <summary>The git work tree the solution is in: the safety checks, and git's own three-way file merge.</summary>
public static class Git
{
    /// <summary>Refuses a folder outside a git work tree, or with uncommitted changes to tracked files.</summary>
    public static async Task EnsureCleanWorkTreeAsync(string root, CancellationToken cancellationToken)
    {
        var inside = await RunAsync(root, ["rev-parse", "--is-inside-work-tree"], cancellationToken);
        if (inside.ExitCode != 0 || inside.Output.Trim() != "true")
        {
            throw new UsageException($"{root} is not in a git work tree: commit the solution to git first, so that `git diff` shows what an update did and `git checkout .` undoes it.");
        }

        var status = await RunAsync(root, ["status", "--porcelain", "--untracked-files=no", "--", "."], cancellationToken);
        if (status.ExitCode != 0)
        {
            throw new UpdateException($"git status failed: {status.Error.Trim()}");
        }

        if (status.Output.Trim().Length > 0)
        {
            throw new UsageException($"the solution has uncommitted changes; commit or stash them first:\n{status.Output.TrimEnd()}");
        }
    }

    /// <summary>The files git tracks under <paramref name="root"/>, relative to it, with '/' separators.</summary>
    public static async Task<IReadOnlySet<string>> TrackedFilesAsync(string root, CancellationToken cancellationToken)
    {
        var files = await RunAsync(root, ["ls-files", "-z", "--", "."], cancellationToken);
        if (files.ExitCode != 0)
        {
            throw new UpdateException($"git ls-files failed: {files.Error.Trim()}");
        }

        return files.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Merges the changes from <paramref name="basePath"/> to <paramref name="theirsPath"/> into a copy of
    /// <paramref name="oursPath"/> with <c>git merge-file</c>; returns the result and the number of conflicts marked in it.
    /// </summary>
    public static async Task<(byte[] Content, int Conflicts)> MergeFileAsync(string oursPath, string basePath, string theirsPath,
        (string Ours, string Base, string Theirs) labels, string scratch, CancellationToken cancellationToken)
    {
        var copy = Path.Combine(scratch, Path.GetRandomFileName());
        File.Copy(oursPath, copy);
        try
        {
            var result = await RunAsync(scratch,
                ["merge-file", "-L", labels.Ours, "-L", labels.Base, "-L", labels.Theirs, copy, basePath, theirsPath], cancellationToken);
            // The exit code is the number of conflicts (capped at 127); a negative value (255 here) is an error.
            if (result.ExitCode is < 0 or > 127)
            {
                throw new UpdateException($"git merge-file failed on {oursPath}: {result.Error.Trim()}");
            }

            return (await File.ReadAllBytesAsync(copy, cancellationToken), result.ExitCode);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        Processes.RunAsync("git", arguments, workingDirectory, cancellationToken);
}
