using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

public sealed class SnapshotTests(TemplatePack pack)
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public async Task Generated_tree_is_clean_and_matches_its_verified_snapshot(string name)
    {
        var scenario = Scenarios.Named(name);
        using var temp = new TempDirectory(name);

        var output = scenario.Host is null
            ? await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, [.. scenario.Arguments, "--no-restore"])
            : await pack.AddItemAsync(temp, scenario);

        var problems = GeneratedTree.Problems(output, GeneratedTree.TemplateTokens(Scenarios.TemplateFolder(scenario.Template)));
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await SnapshotVerifier.VerifyAsync(name, output);
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_a_scenario()
    {
        var orphans = Directory.GetDirectories(Repo.Snapshots)
            .Select(Path.GetFileName)
            .Where(folder => !folder!.EndsWith(".received", StringComparison.Ordinal))
            .Except(Scenarios.All.Select(scenario => scenario.Name))
            .ToList();

        Assert.True(orphans.Count == 0,
            $"Snapshots that no scenario produces (delete them, or add their scenario): {string.Join(", ", orphans)}");
    }
}
