using System.Text.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// <c>mytemplates update</c>, as installed from its package, on web APIs generated from the old version in
/// <see cref="UpdateFeed"/> and committed to fresh git repositories: the feed's new version merged into them.
/// </summary>
public sealed class UpdateToolTests(UpdateFeed feed) : IClassFixture<UpdateFeed>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_untouched_solution_becomes_a_fresh_generation_of_the_newest_version()
    {
        using var temp = new TempDirectory("update-untouched", feed.Offline);
        var solution = await CreateAsync(temp, "untouched");

        var update = await UpdateAsync(solution);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains($"MyTemplates {UpdateFeed.Old} → {UpdateFeed.New}", update.StandardOutput);
        Assert.Contains($"added     {UpdateFeed.AddedFile}", update.StandardOutput);
        Assert.Contains($"removed   {UpdateFeed.RemovedFile}", update.StandardOutput);
        var fresh = await GenerateAsync(temp, UpdateFeed.New, "fresh");
        Assert.Equal(Tree(fresh, withoutAnswers: true), Tree(solution, withoutAnswers: true));
        var answers = ReadAnswers(solution);
        Assert.Equal(UpdateFeed.New, answers.GetProperty("packageVersion").GetString());
        Assert.Equal(ReadAnswers(fresh).GetProperty("options").ToString(), answers.GetProperty("options").ToString());

        await CommitAsync(solution, "update");
        var again = await UpdateAsync(solution);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to do", again.StandardOutput);
    }

    [Fact]
    public async Task An_edited_solution_keeps_its_edits_gains_an_apphost_then_turns_jwt_on_and_still_builds_and_passes_its_tests()
    {
        using var temp = new TempDirectory("update-edited");
        var solution = await CreateAsync(temp, "edited");
        // The answers file as a pack version from before --aspire wrote it: a missing option counts as its default.
        await EditAndCommitAsync(solution, SnapshotVerifier.AnswersFile, text => text.Replace(",\n    \"aspire\": \"false\"", "", StringComparison.Ordinal));
        var programPath = Path.Combine(solution, "src", Scenarios.WebApiName, "Program.cs");
        await EditAndCommitAsync(solution, "README.md", text => text.Replace("## Run", "Our team's notes: the shop's API.\n\n## Run", StringComparison.Ordinal));
        await EditAndCommitAsync(solution, Path.GetRelativePath(solution, programPath), text => "// The shop's API.\n" + text);

        var update = await UpdateAsync(solution, "--to", UpdateFeed.New, "--set", "aspire=true", "--source", feed.Feed);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("merged    README.md", update.StandardOutput);
        var appHost = $"src/{Scenarios.WebApiName}.AppHost/{Scenarios.WebApiName}.AppHost.csproj";
        Assert.Contains($"added     {appHost}", update.StandardOutput);
        Assert.Contains($"{Scenarios.WebApiName}.AppHost.csproj", File.ReadAllText(Path.Combine(solution, $"{Scenarios.WebApiName}.slnx")));
        Assert.Equal("true", ReadAnswers(solution).GetProperty("options").GetProperty("aspire").GetString());
        var readme = File.ReadAllText(Path.Combine(solution, "README.md"));
        Assert.Contains("Our team's notes: the shop's API.", readme);
        Assert.Contains(UpdateFeed.ReadmeNew, readme);
        Assert.Contains(UpdateFeed.EditorConfigNew, File.ReadAllText(Path.Combine(solution, ".editorconfig")));
        Assert.StartsWith("// The shop's API.", File.ReadAllText(programPath));
        await CommitAsync(solution, "update");
        var userSecretsId = ReadAnswers(solution).GetProperty("generated").GetProperty("userSecretsId").GetString();

        var jwt = await UpdateAsync(solution, "--set", "auth=jwt", "--source", feed.Feed);

        Assert.True(jwt.ExitCode == 0, jwt.ToString());
        Assert.Contains($"MyTemplates {UpdateFeed.New}, auth=jwt", jwt.StandardOutput);
        Assert.Equal("jwt", ReadAnswers(solution).GetProperty("options").GetProperty("auth").GetString());
        Assert.Contains("Our team's notes: the shop's API.", File.ReadAllText(Path.Combine(solution, "README.md")));
        Assert.StartsWith("// The shop's API.", File.ReadAllText(programPath));
        var project = File.ReadAllText(Path.Combine(solution, "src", Scenarios.WebApiName, $"{Scenarios.WebApiName}.csproj"));
        Assert.Contains($"<UserSecretsId>{userSecretsId}</UserSecretsId>", project);
        Assert.Contains($"<UserSecretsId>{userSecretsId}</UserSecretsId>", File.ReadAllText(Path.Combine(solution, appHost)));
        var generated = new GeneratedSolution(solution);
        await generated.BuildAsync();
        await generated.TestAsync();
    }

    [Fact]
    public async Task An_update_keeps_the_user_secrets_id_the_solution_was_given()
    {
        using var temp = new TempDirectory("update-secrets", feed.Offline);
        var solution = await CreateAsync(temp, "secrets", "--auth", "jwt");
        var project = Path.Combine(solution, "src", Scenarios.WebApiName, $"{Scenarios.WebApiName}.csproj");
        var before = File.ReadAllText(project);
        Assert.Contains("<UserSecretsId>", before);

        var update = await UpdateAsync(solution);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Equal(before, File.ReadAllText(project));
        Assert.Equal("jwt", ReadAnswers(solution).GetProperty("options").GetProperty("auth").GetString());
    }

    [Fact]
    public async Task The_same_line_changed_by_both_gets_conflict_markers_and_exit_code_1()
    {
        using var temp = new TempDirectory("update-conflict", feed.Offline);
        var solution = await CreateAsync(temp, "conflict");
        await EditAndCommitAsync(solution, "README.md", text => text.Replace(UpdateFeed.ReadmeOld, "Our tests use SQLite files.", StringComparison.Ordinal));

        var update = await UpdateAsync(solution, "--to", UpdateFeed.New, "--source", feed.Feed);

        Assert.True(update.ExitCode == 1, update.ToString());
        Assert.Contains("conflict  README.md (1 conflict", update.StandardOutput);
        Assert.Contains("Resolve the conflicts in: README.md; then commit.", update.StandardOutput);
        var readme = File.ReadAllText(Path.Combine(solution, "README.md"));
        Assert.Contains($"<<<<<<< yours\nOur tests use SQLite files.\n=======\n{UpdateFeed.ReadmeNew}\n>>>>>>> MyTemplates {UpdateFeed.New}\n", readme);
        Assert.Contains(UpdateFeed.EditorConfigNew, File.ReadAllText(Path.Combine(solution, ".editorconfig")));
    }

    [Fact]
    public async Task A_file_the_user_deleted_and_the_template_changed_stays_deleted_and_is_reported()
    {
        using var temp = new TempDirectory("update-deleted", feed.Offline);
        var solution = await CreateAsync(temp, "deleted");
        await GitAsync(solution, "rm", "-q", ".editorconfig");
        await CommitAsync(solution, "no editorconfig");

        var update = await UpdateAsync(solution, "--to", UpdateFeed.New, "--source", feed.Feed);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("skipped   .editorconfig (you deleted it and the template changed it: it stays deleted)", update.StandardOutput);
        Assert.False(File.Exists(Path.Combine(solution, ".editorconfig")));
        Assert.True(File.Exists(Path.Combine(solution, UpdateFeed.AddedFile)));
    }

    [Fact]
    public async Task A_dry_run_prints_the_changes_and_writes_nothing()
    {
        using var temp = new TempDirectory("update-dry-run", feed.Offline);
        var solution = await CreateAsync(temp, "dry-run");
        var before = Tree(solution, withoutAnswers: false);

        var update = await UpdateAsync(solution, "--dry-run", "--to", UpdateFeed.New, "--source", feed.Feed);

        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("dry run: nothing is written", update.StandardOutput);
        Assert.Contains("updated   .editorconfig", update.StandardOutput);
        Assert.Equal(before, Tree(solution, withoutAnswers: false));

        var set = await UpdateAsync(solution, "--dry-run", "--set", "auth=JWT");

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains($"MyTemplates {UpdateFeed.Old}, auth=JWT (dry run", set.StandardOutput);
        Assert.Contains("added     src/Contoso.Shop/Config/JwtOptions.cs", set.StandardOutput);
        Assert.DoesNotContain(".editorconfig", set.StandardOutput);
        Assert.Equal(before, Tree(solution, withoutAnswers: false));
    }

    [Fact]
    public async Task Check_names_the_newer_version_the_feed_has_changes_nothing_and_is_up_to_date_at_the_newest()
    {
        using var temp = new TempDirectory("update-check", feed.Offline);
        var solution = await CreateAsync(temp, "check");

        var check = await UpdateAsync(solution, "--check");

        Assert.True(check.ExitCode == 3, check.ToString());
        Assert.Contains($"{Scenarios.WebApiName} was made with MyTemplates {UpdateFeed.Old}; the newest the feeds have is {UpdateFeed.New}.",
            check.StandardOutput);
        var status = await ProcessRunner.RunAsync("git", ["status", "--porcelain", "--untracked-files=all"], solution, Timeout,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(status.ExitCode == 0 && status.StandardOutput.Length == 0, status.ToString());

        var newest = await GenerateAsync(temp, UpdateFeed.New, "check-newest");
        var before = Tree(newest, withoutAnswers: false);

        var upToDate = await UpdateAsync(newest, "--check");

        Assert.True(upToDate.ExitCode == 0, upToDate.ToString());
        Assert.Contains($"{Scenarios.WebApiName} was made with MyTemplates {UpdateFeed.New}, the newest the feeds have: up to date.",
            upToDate.StandardOutput);
        Assert.Equal(before, Tree(newest, withoutAnswers: false));
    }

    public static TheoryData<string> Refusals =>
    [
        "dirty tree", "not a git work tree", "no answers file", "unknown option", "unknown value", "hidden option", "no such version",
        "untracked file in the way", "malformed --set", "check with --set", "unknown argument",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_update_exits_with_2_says_why_and_writes_nothing(string refusal)
    {
        using var temp = new TempDirectory("update-refused", feed.Offline);
        var solution = await CreateAsync(temp, "refused");
        string[] arguments = ["--to", UpdateFeed.New, "--source", feed.Feed];
        string expected;
        switch (refusal)
        {
            case "dirty tree":
                File.AppendAllText(Path.Combine(solution, "README.md"), "\nNot committed yet.\n");
                expected = "uncommitted changes";
                break;
            case "not a git work tree":
                Directory.Delete(Path.Combine(solution, ".git"), recursive: true);
                expected = "is not in a git work tree";
                break;
            case "no answers file":
                await GitAsync(solution, "rm", "-q", ".mytemplates.json");
                await CommitAsync(solution, "no answers");
                expected = "no .mytemplates.json";
                break;
            case "unknown option":
                arguments = ["--set", "colour=blue", "--source", feed.Feed];
                expected = "the template has no option 'colour'";
                break;
            case "unknown value":
                arguments = ["--set", "auth=basic", "--source", feed.Feed];
                expected = "'basic' is not a value of auth: use none, jwt.";
                break;
            case "hidden option":
                arguments = ["--set", "userSecretsId=00000000-0000-0000-0000-000000000001", "--source", feed.Feed];
                expected = "the template has no option 'userSecretsId'";
                break;
            case "no such version":
                arguments = ["--to", "9.9.9", "--source", feed.Feed];
                expected = "cannot get MyTemplates 9.9.9";
                break;
            case "untracked file in the way":
                Directory.CreateDirectory(Path.Combine(solution, "docs", "decisions"));
                File.WriteAllText(Path.Combine(solution, UpdateFeed.AddedFile), "My own notes.\n");
                expected = $"would overwrite or remove files git does not track: {UpdateFeed.AddedFile}";
                break;
            case "malformed --set":
                arguments = ["--set", "auth", "--source", feed.Feed];
                expected = "--set takes OPTION=VALUE";
                break;
            case "check with --set":
                arguments = ["--check", "--set", "auth=jwt", "--source", feed.Feed];
                expected = "--check compares the recorded version with the newest the feeds have; it takes only --source.";
                break;
            default:
                arguments = ["--everything"];
                expected = "Unrecognized command or argument '--everything'";
                break;
        }

        var before = Tree(solution, withoutAnswers: false);

        var update = await UpdateAsync(solution, arguments);

        Assert.True(update.ExitCode == 2, update.ToString());
        Assert.Contains(expected, update.StandardError);
        Assert.Equal(before, Tree(solution, withoutAnswers: false));
    }

    private async Task<string> CreateAsync(TempDirectory temp, string name, params string[] options)
    {
        var solution = await GenerateAsync(temp, UpdateFeed.Old, name, options);
        await GitAsync(solution, "init", "-q");
        await GitAsync(solution, "add", "-A");
        await CommitAsync(solution, "Generated with MyTemplates");
        return solution;
    }

    /// <summary>A web API generated from one version of the feed, through a private template cache.</summary>
    private async Task<string> GenerateAsync(TempDirectory temp, string version, string name, params string[] options)
    {
        var hive = Path.Combine(temp.Path, $"hive-{version}");
        if (!Directory.Exists(hive))
        {
            await ProcessRunner.DotnetOkAsync(temp.Path, Timeout, "new", "install", feed.PackageOf(version), "--debug:custom-hive", hive);
        }

        var output = Path.Combine(temp.Path, name);
        await ProcessRunner.DotnetOkAsync(temp.Path, Timeout,
            ["new", "myapp-webapi", "-n", Scenarios.WebApiName, "-o", output, "--no-restore", .. options, "--debug:custom-hive", hive]);
        return output;
    }

    private Task<ProcessResult> UpdateAsync(string solution, params string[] arguments) =>
        ProcessRunner.RunAsync(feed.Tool, ["update", .. arguments], solution, Timeout, cancellationToken: TestContext.Current.CancellationToken);

    private static async Task EditAndCommitAsync(string solution, string file, Func<string, string> edit)
    {
        var path = Path.Combine(solution, file);
        var text = File.ReadAllText(path);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
        await CommitAsync(solution, $"Edit {file}");
    }

    /// <summary>Commits everything, as a user does after an update: the files it added too.</summary>
    private static async Task CommitAsync(string solution, string message)
    {
        await GitAsync(solution, "add", "-A");
        await GitAsync(solution, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
    }

    private static async Task GitAsync(string solution, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", ["-c", "init.defaultBranch=main", .. arguments], solution, Timeout,
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static JsonElement ReadAnswers(string solution) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(solution, SnapshotVerifier.AnswersFile))).RootElement;

    /// <summary>Every file but git's own, with its content.</summary>
    private static SortedDictionary<string, string> Tree(string root, bool withoutAnswers) =>
        new(GeneratedTree.Files(root)
                .Where(file => !file.StartsWith(".git/", StringComparison.Ordinal) && !(withoutAnswers && file == SnapshotVerifier.AnswersFile))
                .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(root, file))),
            StringComparer.Ordinal);
}
