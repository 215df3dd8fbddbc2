using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// What keeps a generated solution current and safe: its workflows (CI, the template update) and the pack's release workflow
/// pass the GitHub workflow schema, and NuGet audit findings fail CI's restore.
/// </summary>
public sealed class SupplyChainTests(TemplatePack pack)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Every workflow of every scenario's verified snapshot (SnapshotTests proves each equals what is generated).</summary>
    public static TheoryData<string> GeneratedWorkflows => [.. WorkflowFiles()];

    [Theory]
    [MemberData(nameof(GeneratedWorkflows))]
    public async Task A_generated_workflow_passes_the_workflow_schema(string workflow)
    {
        var result = await WorkflowValidator.ValidateAsync(Path.Combine(Repo.Snapshots, workflow));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Every_template_with_a_ci_workflow_updates_itself_and_its_dependencies()
    {
        var withCi = WorkflowFiles().Where(file => file.EndsWith("/ci.yml", StringComparison.Ordinal))
            .Select(file => file[..file.IndexOf('/', StringComparison.Ordinal)]).ToList();
        Assert.Contains(withCi, scenario => scenario.StartsWith("workspace-", StringComparison.Ordinal));
        foreach (var scenario in withCi)
        {
            Assert.True(File.Exists(Path.Combine(Repo.Snapshots, scenario, ".github", "workflows", "template-update.yml")), scenario);
            Assert.True(File.Exists(Path.Combine(Repo.Snapshots, scenario, ".github", "dependabot.yml")), scenario);
        }
    }

    [Fact]
    public async Task The_release_workflow_passes_the_workflow_schema()
    {
        var result = await WorkflowValidator.ValidateAsync(Path.Combine(Repo.Root, ".github", "workflows", "release.yml"));

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task The_validator_refuses_a_workflow_with_a_job_that_says_not_where_it_runs()
    {
        using var temp = new TempDirectory("workflow-broken");
        var workflow = Path.Combine(temp.Path, "template-update.yml");
        var text = await File.ReadAllTextAsync(Path.Combine(Repo.Snapshots, "cli-default", ".github", "workflows", "template-update.yml"),
            TestContext.Current.CancellationToken);
        Assert.Contains("    runs-on: ubuntu-latest\n", text);
        await File.WriteAllTextAsync(workflow, text.Replace("    runs-on: ubuntu-latest\n", "", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var result = await WorkflowValidator.ValidateAsync(workflow);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("/jobs/update/runs-on", result.Output);
    }

    /// <summary>
    /// A generated solution given a package whose dependency has a published advisory (Newtonsoft.Json.Bson 1.0.2 brings in
    /// Newtonsoft.Json 12.0.1): with CI=true, as GitHub Actions sets it, restore fails on NU1903; locally it is a warning.
    /// </summary>
    [Fact]
    public async Task A_transitive_package_with_an_advisory_fails_restore_in_ci_and_warns_locally()
    {
        using var temp = new TempDirectory("audit");
        var solution = await pack.InstantiateAsync(temp, "myapp-cli", Scenarios.CliName, "--no-restore");
        var props = Path.Combine(solution, "Directory.Packages.props");
        var project = Path.Combine(solution, "src", Scenarios.CliName, $"{Scenarios.CliName}.csproj");
        await Edit(props, "  <ItemGroup>\n", "  <ItemGroup>\n    <PackageVersion Include=\"Newtonsoft.Json.Bson\" Version=\"1.0.2\" />\n");
        await Edit(project, "</Project>", "  <ItemGroup>\n    <PackageReference Include=\"Newtonsoft.Json.Bson\" />\n  </ItemGroup>\n</Project>");
        using var advisories = new AdvisoryFeed();
        await File.WriteAllTextAsync(Path.Combine(solution, "nuget.config"), advisories.NuGetConfig, TestContext.Current.CancellationToken);

        var ci = await RestoreAsync(solution, project, ci: true);

        Assert.True(ci.ExitCode != 0, ci.ToString());
        Assert.Contains($"error NU1903: Warning As Error: Package 'Newtonsoft.Json' 12.0.1 has a known high severity vulnerability, {AdvisoryFeed.Advisory}",
            ci.Output);

        var local = await RestoreAsync(solution, project, ci: false);

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Contains($"warning NU1903: Package 'Newtonsoft.Json' 12.0.1 has a known high severity vulnerability", local.Output);
    }

    private static IEnumerable<string> WorkflowFiles() =>
        Directory.GetDirectories(Repo.Snapshots)
            .Where(folder => !folder.EndsWith(".received", StringComparison.Ordinal))
            .SelectMany(folder => Directory.Exists(Path.Combine(folder, ".github", "workflows"))
                ? Directory.GetFiles(Path.Combine(folder, ".github", "workflows"), "*.yml")
                : [])
            .Select(file => Path.GetRelativePath(Repo.Snapshots, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static async Task Edit(string file, string anchor, string replacement)
    {
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var at = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no '{anchor.Trim()}'");
        await File.WriteAllTextAsync(file, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + anchor.Length)),
            TestContext.Current.CancellationToken);
    }

    private static Task<ProcessResult> RestoreAsync(string solution, string project, bool ci) =>
        ProcessRunner.RunAsync("dotnet", ["restore", project, "--force"], solution, Timeout,
            new Dictionary<string, string?> { ["CI"] = ci ? "true" : "false" },
            cancellationToken: TestContext.Current.CancellationToken);
}
