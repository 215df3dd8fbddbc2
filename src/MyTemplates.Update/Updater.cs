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
        if (request.Check)
        {
            return await CheckAsync(root, answers, request, cancellationToken);
        }

        var settings = ParseSettings(request.Settings);
        await Git.EnsureCleanWorkTreeAsync(root, cancellationToken);

        // --set alone keeps the recorded version; otherwise the newest the feeds have, unless --to says which.
        var target = request.ToVersion ?? (settings.Count > 0 ? answers.PackageVersion : null);
        using var theirsSource = await TemplateCache.InstallAsync(answers.Package, target, request.Sources, root, cancellationToken);
        if (target is null && PackageVersion.Compare(theirsSource.Version, answers.PackageVersion) < 0)
        {
            throw new UsageException($"the newest {answers.Package} the feeds have is {theirsSource.Version}, older than the recorded " +
                $"{answers.PackageVersion}; add the feed that has it with --source, or go back on purpose with --to {theirsSource.Version}.");
        }

        if (settings.Count == 0 && theirsSource.Version == answers.PackageVersion)
        {
            await output.WriteLineAsync(target is null
                ? $"{answers.Name} is at {answers.Package} {answers.PackageVersion}, the newest the feeds have: nothing to do."
                : $"{answers.Name} is at {answers.Package} {answers.PackageVersion} already: nothing to do.");
            return ExitCodes.Success;
        }

        using var baseCache = theirsSource.Version == answers.PackageVersion
            ? null
            : await TemplateCache.InstallAsync(answers.Package, answers.PackageVersion, request.Sources, root, cancellationToken);
        var baseSource = baseCache ?? theirsSource;
        var baseOptions = baseSource.Options(answers.Template);
        var theirsOptions = theirsSource.Options(answers.Template);
        var theirsAnswers = new Dictionary<string, string>(answers.Options, StringComparer.Ordinal);
        foreach (var (option, value) in Validate(settings, theirsOptions))
        {
            theirsAnswers[option] = value;
        }

        CheckRecordedAnswers(theirsAnswers, theirsOptions, theirsSource.Version);

        foreach (var dropped in theirsAnswers.Keys.Where(option => !theirsOptions.ContainsKey(option)))
        {
            await output.WriteLineAsync($"note: {answers.Package} {theirsSource.Version} has no option {dropped} any more; it is dropped.");
        }

        var baseTree = Path.Combine(baseSource.NewFolder("base"), "out");
        var theirsTree = Path.Combine(theirsSource.NewFolder("theirs"), "out");
        await baseSource.InstantiateAsync(answers.ShortName, answers.Name, baseTree, baseOptions,
            Arguments(answers.Options, answers.Generated, baseOptions), cancellationToken);
        await theirsSource.InstantiateAsync(answers.ShortName, answers.Name, theirsTree, theirsOptions,
            Arguments(theirsAnswers, answers.Generated, theirsOptions), cancellationToken);

        var theirsLabel = $"{answers.Package} {theirsSource.Version}" + (settings.Count > 0 ? $" with {string.Join(", ", request.Settings)}" : "");
        var merge = new TreeMerge(root, baseTree, theirsTree, ("yours", $"{answers.Package} {answers.PackageVersion}", theirsLabel),
            theirsSource.NewFolder("scratch"));
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

    /// <summary><c>--check</c>: the recorded version against the newest the feeds have; reads the answers file, writes nothing.</summary>
    private async Task<int> CheckAsync(string root, Answers answers, UpdateRequest request, CancellationToken cancellationToken)
    {
        if (request.ToVersion is not null || request.Settings.Count > 0 || request.DryRun)
        {
            throw new UsageException("--check compares the recorded version with the newest the feeds have; it takes only --source.");
        }

        using var newest = await TemplateCache.InstallAsync(answers.Package, null, request.Sources, root, cancellationToken);
        var made = $"{answers.Name} was made with {answers.Package} {answers.PackageVersion}";
        if (PackageVersion.Compare(newest.Version, answers.PackageVersion) > 0)
        {
            await output.WriteLineAsync($"{made}; the newest the feeds have is {newest.Version}. `mytemplates update` brings it in.");
            return ExitCodes.NewerAvailable;
        }

        await output.WriteLineAsync(newest.Version == answers.PackageVersion
            ? $"{made}, the newest the feeds have: up to date."
            : $"{made}; the newest the feeds have is {newest.Version}, older: up to date (--source adds the feed that has {answers.PackageVersion}).");
        return ExitCodes.Success;
    }

    private static string Summary(IReadOnlyList<FileChange> changes, IReadOnlyList<FileChange> conflicts, bool dryRun)
    {
        var counts = changes.GroupBy(change => change.Label).Select(group => $"{group.Count()} {group.Key}");
        var summary = changes.Count switch
        {
            0 => "No file changes.",
            1 => $"1 file: {string.Join(", ", counts)}.",
            _ => $"{changes.Count} files: {string.Join(", ", counts)}.",
        };
        if (dryRun)
        {
            return conflicts.Count == 0 ? summary : $"{summary}\nIt would leave conflicts in: {string.Join(", ", conflicts.Select(change => change.Path))}.";
        }

        const string Review = "Review with `git status` and `git diff`, then commit; to undo, `git checkout .` and delete the files listed as added.";
        if (conflicts.Count == 0)
        {
            return $"{summary} {Review}";
        }

        return $"{summary}\nResolve the conflicts in: {string.Join(", ", conflicts.Select(change => change.Path))}; then commit. {Review}";
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

    /// <summary>The settings with their values as the template spells them; an unknown option or value is a usage error.</summary>
    private static Dictionary<string, string> Validate(Dictionary<string, string> settings, IReadOnlyDictionary<string, TemplateOption> options)
    {
        var settable = options.Values.Where(option => option.IsSettable).Select(option => option.Name);
        var valid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in settings)
        {
            if (!options.TryGetValue(name, out var option) || !option.IsSettable)
            {
                throw new UsageException($"the template has no option '{name}': it has {string.Join(", ", settable)}.");
            }

            valid[name] = option.Normalize(value) ?? throw new UsageException($"'{value}' is not a value of {name}: use {option.Expected}.");
        }

        return valid;
    }

    /// <summary>A recorded value the new version no longer accepts needs a new one from the user.</summary>
    private static void CheckRecordedAnswers(Dictionary<string, string> answers, IReadOnlyDictionary<string, TemplateOption> options, string version)
    {
        foreach (var (name, value) in answers)
        {
            if (options.TryGetValue(name, out var option) && option.Normalize(value) is null)
            {
                throw new UsageException($"version {version} of the template does not accept {name}={value} any more ({option.Expected}): " +
                    $"choose one with --set {name}=VALUE.");
            }
        }
    }

    /// <summary>The <c>dotnet new</c> values: the answers, the values to keep (e.g. the user-secrets id), and no restore.</summary>
    private static Dictionary<string, string> Arguments(IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, string>? generated,
        IReadOnlyDictionary<string, TemplateOption> options)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in answers.Concat(generated ?? new Dictionary<string, string>()).Where(pair => options.ContainsKey(pair.Key)))
        {
            arguments[name] = value;
        }

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
        // git could not give back what the update overwrites or removes unless it tracks it; nor may a folder stand where a file goes.
        var inTheWay = changes
            .Where(change => (change.Content is not null || change.Change == Change.Removed) && !tracked.Contains(change.Path)
                && (File.Exists(merge.InRoot(change.Path)) || Directory.Exists(merge.InRoot(change.Path))))
            .Select(change => change.Path)
            .ToList();
        if (inTheWay.Count > 0)
        {
            throw new UsageException(
                $"the update would overwrite or remove files git does not track: {string.Join(", ", inTheWay)}. Commit, move or delete them first.");
        }
    }
}
