namespace MyTemplates.Update;

/// <summary>
/// <c>mytemplates update</c>: generates the recorded version with the recorded answers (the base) and the target
/// version with the new answers (theirs), each in a private template cache, merges them into the work tree
/// (ours) file by file, and rewrites the answers file.
/// </summary>
public sealed class Updater(TextWriter output)
{
    public async Task<int> RunAsync(UpdateRequest request, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(request.Root);
        var answers = Answers.Read(root);
        var settings = ParseSettings(request.Settings);
        await Git.EnsureCleanWorkTreeAsync(root, cancellationToken);

        // --set alone keeps the recorded version; otherwise the newest the feeds have, unless --to says which.
        var target = request.ToVersion ?? (settings.Count > 0 ? answers.PackageVersion : null);
        using var baseCache = await TemplateCache.InstallAsync(answers.Package, answers.PackageVersion, request.Sources, root, cancellationToken);
        using var theirsCache = target == answers.PackageVersion
            ? null
            : await TemplateCache.InstallAsync(answers.Package, target, request.Sources, root, cancellationToken);
        var theirsSource = theirsCache ?? baseCache;
        if (settings.Count == 0 && theirsSource.Version == answers.PackageVersion)
        {
            await output.WriteLineAsync($"{answers.Name} is at {answers.Package} {answers.PackageVersion}, the newest: nothing to do.");
            return ExitCodes.Success;
        }

        var baseOptions = baseCache.Options(answers.ShortName);
        var theirsOptions = theirsSource.Options(answers.ShortName);
        Validate(settings, theirsOptions);
        var theirsAnswers = new Dictionary<string, string>(answers.Options, StringComparer.Ordinal);
        foreach (var (option, value) in settings)
        {
            theirsAnswers[option] = value;
        }

        foreach (var dropped in theirsAnswers.Keys.Where(option => !theirsOptions.ContainsKey(option)))
        {
            await output.WriteLineAsync($"note: {answers.Package} {theirsSource.Version} has no option {dropped} any more; it is dropped.");
        }

        var baseTree = Path.Combine(baseCache.NewFolder("base"), "out");
        var theirsTree = Path.Combine(theirsSource.NewFolder("theirs"), "out");
        await baseCache.InstantiateAsync(answers.ShortName, answers.Name, baseTree, baseOptions,
            Arguments(answers.Options, answers.Generated, baseOptions), cancellationToken);
        await theirsSource.InstantiateAsync(answers.ShortName, answers.Name, theirsTree, theirsOptions,
            Arguments(theirsAnswers, answers.Generated, theirsOptions), cancellationToken);

        var theirsLabel = $"{answers.Package} {theirsSource.Version}" + (settings.Count > 0 ? $" with {string.Join(", ", request.Settings)}" : "");
        var merge = new TreeMerge(root, baseTree, theirsTree, ("yours", $"{answers.Package} {answers.PackageVersion}", theirsLabel),
            baseCache.NewFolder("scratch"));
        var changes = await merge.PlanAsync(cancellationToken);
        await RefuseToOverwriteUntrackedFilesAsync(root, merge, changes, cancellationToken);

        var conflicts = changes.Where(change => change.IsConflict).ToList();
        var what = theirsSource.Version == answers.PackageVersion
            ? $"{answers.Name}: {answers.Package} {answers.PackageVersion}, {string.Join(", ", request.Settings)}"
            : $"{answers.Name}: {answers.Package} {answers.PackageVersion} → {theirsSource.Version}" + (settings.Count > 0 ? $", {string.Join(", ", request.Settings)}" : "");
        await output.WriteLineAsync(request.DryRun ? $"{what} (dry run: nothing is written)" : what);
        foreach (var change in changes)
        {
            await output.WriteLineAsync($"  {change}");
        }

        if (!request.DryRun)
        {
            merge.Apply(changes);
            File.Copy(Path.Combine(theirsTree, Answers.FileName), Path.Combine(root, Answers.FileName), overwrite: true);
        }

        await output.WriteLineAsync(Summary(changes, conflicts, request.DryRun));
        return conflicts.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string Summary(IReadOnlyList<FileChange> changes, IReadOnlyList<FileChange> conflicts, bool dryRun)
    {
        var counts = changes.GroupBy(change => change.Change).OrderBy(group => group.Key)
            .Select(group => $"{group.Count()} {group.Key.ToString().ToLowerInvariant()}");
        var summary = changes.Count == 0 ? "No file changes." : $"{changes.Count} files: {string.Join(", ", counts)}.";
        if (conflicts.Count == 0)
        {
            return dryRun ? summary : $"{summary} Review with `git diff`, then commit; `git checkout .` undoes it.";
        }

        return $"{summary}\n{(dryRun ? "It would leave" : "Resolve")} {conflicts.Count} {(conflicts.Count == 1 ? "file" : "files")} with conflicts: " +
            $"{string.Join(", ", conflicts.Select(change => change.Path))}; then commit.";
    }

    private static Dictionary<string, string> ParseSettings(IReadOnlyList<string> settings)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == setting.Length - 1)
            {
                throw new UsageException($"--set takes OPTION=VALUE (e.g. --set auth=jwt), not '{setting}'.");
            }

            parsed[setting[..equals]] = setting[(equals + 1)..];
        }

        return parsed;
    }

    private static void Validate(Dictionary<string, string> settings, IReadOnlyDictionary<string, TemplateOption> options)
    {
        var settable = options.Values.Where(option => !TemplateOption.NotRecorded.Contains(option.Name)).ToList();
        foreach (var (name, value) in settings)
        {
            if (!options.TryGetValue(name, out var option) || TemplateOption.NotRecorded.Contains(name))
            {
                throw new UsageException($"the template has no option '{name}': it has {string.Join(", ", settable.Select(option => option.Name))}.");
            }

            if (option.Problem(value) is { } problem)
            {
                throw new UsageException(problem);
            }
        }
    }

    /// <summary>The <c>dotnet new</c> values: the answers, the values to keep (e.g. the user-secrets id), and no restore.</summary>
    private static Dictionary<string, string> Arguments(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, string>? generated,
        IReadOnlyDictionary<string, TemplateOption> options)
    {
        var arguments = answers.Concat(generated ?? new Dictionary<string, string>())
            .Where(pair => options.ContainsKey(pair.Key))
            .ToDictionary(StringComparer.Ordinal);
        if (options.ContainsKey("skipRestore"))
        {
            arguments["skipRestore"] = "true";
        }

        return arguments;
    }

    private static async Task RefuseToOverwriteUntrackedFilesAsync(string root, TreeMerge merge, IReadOnlyList<FileChange> changes,
        CancellationToken cancellationToken)
    {
        var tracked = await Git.TrackedFilesAsync(root, cancellationToken);
        var inTheWay = changes
            .Where(change => change.Content is not null && !tracked.Contains(change.Path) && File.Exists(merge.InRoot(change.Path)))
            .Select(change => change.Path)
            .ToList();
        if (inTheWay.Count > 0)
        {
            throw new UsageException(
                $"the update would overwrite files git does not track: {string.Join(", ", inTheWay)}. Commit, move or delete them first.");
        }
    }
}
