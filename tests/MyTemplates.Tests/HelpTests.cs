using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

public sealed class HelpTests(TemplatePack pack)
{
    public static TheoryData<string> Templates => [.. Repo.TemplateNames];

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Help_and_the_readme_show_every_long_and_short_option(string template)
    {
        using var temp = new TempDirectory($"help-{template}");
        var help = await pack.DotnetNewAsync(temp.Path, $"myapp-{template}", "-h");
        Assert.True(help.ExitCode == 0, help.ToString());
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));

        foreach (var (longName, shortName) in TemplateRules.CliOptions(Repo.TemplateDir(template)))
        {
            Assert.Contains($"-{shortName}, --{longName}", help.StandardOutput);
            Assert.Contains($"`-{shortName}`, `--{longName}`", readme);
        }
    }
}
