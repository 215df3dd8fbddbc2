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
    /// Merges the changes from <paramref name="original"/> to <paramref name="theirs"/> into <paramref name="ours"/> with
    /// <c>git merge-file</c>; returns the result and the number of conflicts marked in it. It runs in the scratch folder,
    /// outside any repository, so no repository's settings (e.g. <c>merge.conflictStyle</c>) change the markers.
    /// </summary>
    public static async Task<(byte[] Content, int Conflicts)> MergeFileAsync(byte[] ours, byte[] original, byte[] theirs,
        (string Ours, string Base, string Theirs) labels, string scratch, CancellationToken cancellationToken)
    {
        var files = new[] { ours, original, theirs }.Select(_ => Path.Combine(scratch, Path.GetRandomFileName())).ToArray();
        try
        {
            await File.WriteAllBytesAsync(files[0], ours, cancellationToken);
            await File.WriteAllBytesAsync(files[1], original, cancellationToken);
            await File.WriteAllBytesAsync(files[2], theirs, cancellationToken);
            var result = await RunAsync(scratch,
                ["merge-file", "-L", labels.Ours, "-L", labels.Base, "-L", labels.Theirs, files[0], files[1], files[2]], cancellationToken);
            // The exit code is the number of conflicts (capped at 127); a negative value (255 here) is an error.
            if (result.ExitCode is < 0 or > 127)
            {
                throw new UpdateException($"git merge-file failed: {result.Error.Trim()}");
            }

            return (await File.ReadAllBytesAsync(files[0], cancellationToken), result.ExitCode);
        }
        finally
        {
            foreach (var file in files)
            {
                File.Delete(file);
            }
        }
    }

    private static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        Processes.RunAsync("git", arguments, workingDirectory, cancellationToken);
}
