using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

public sealed partial class PackageTests(TemplatePack pack)
{
    [Fact]
    public void The_package_is_named_after_its_one_version()
    {
        Assert.Equal($"MyTemplates.{Repo.Version}.nupkg", Path.GetFileName(pack.PackagePath));
    }

    [Theory]
    [InlineData("webapi")]
    [InlineData("cli")]
    [InlineData("pipeline")]
    [InlineData("workspace")]
    public void The_answers_file_is_stamped_with_the_pack_version_and_records_every_option(string template)
    {
        using var answers = JsonDocument.Parse(pack.ReadPackageEntry($"content/{template}/.mytemplates.json"));
        using var definition = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.TemplateDir(template), ".template.config", "template.json")));
        var root = answers.RootElement;
        var options = definition.RootElement.GetProperty("symbols").EnumerateObject()
            .Where(symbol => symbol.Value.GetProperty("type").GetString() == "parameter" && symbol.Name is not ("skipRestore" or "userSecretsId"))
            .Select(symbol => symbol.Name);

        Assert.Equal(Repo.Version, root.GetProperty("packageVersion").GetString());
        Assert.Equal(definition.RootElement.GetProperty("identity").GetString(), root.GetProperty("template").GetString());
        Assert.Equal(definition.RootElement.GetProperty("shortName").GetString(), root.GetProperty("shortName").GetString());
        Assert.Equal(options, root.GetProperty("options").EnumerateObject().Select(option => option.Name));
        Assert.All(root.GetProperty("options").EnumerateObject(), option => Assert.Equal($"{{{{{option.Name}}}}}", option.Value.GetString()));
    }

    [Fact]
    public void The_package_holds_every_template_file_and_nothing_else()
    {
        var entries = pack.PackageEntries();
        var content = entries.Where(entry => entry.StartsWith("content/", StringComparison.Ordinal)).ToHashSet();
        var expected = Repo.TemplateNames
            .SelectMany(template => GeneratedTree.Files(Repo.TemplateDir(template))
                .Where(file => !IsBuildOutput(file))
                .Select(file => $"content/{template}/{file}"))
            .ToHashSet();

        Assert.Equal(expected.Order(StringComparer.Ordinal), content.Order(StringComparer.Ordinal));
        var others = entries.Except(content).Where(entry => !PackageFrame().IsMatch(entry)).ToList();
        Assert.True(others.Count == 0, $"Unexpected package entries: {string.Join(", ", others)}");
    }

    [Theory]
    [InlineData("webapi")]
    [InlineData("cli")]
    [InlineData("pipeline")]
    [InlineData("workspace")]
    public void Dotfiles_that_templates_need_survive_packing(string template)
    {
        var entries = pack.PackageEntries();

        foreach (var dotfile in new[] { ".gitignore", ".editorconfig", ".github/workflows/ci.yml", ".template.config/template.json" })
        {
            Assert.Contains($"content/{template}/{dotfile}", entries);
        }
    }

    [Fact]
    public void The_package_page_has_everything_nuget_org_shows()
    {
        var nuspec = XDocument.Parse(pack.ReadPackageEntry("MyTemplates.nuspec"));
        string Field(string name) => nuspec.Descendants().FirstOrDefault(element => element.Name.LocalName == name)?.Value ?? "";
        XElement? Element(string name) => nuspec.Descendants().FirstOrDefault(element => element.Name.LocalName == name);

        Assert.Equal("MyTemplates", Field("id"));
        Assert.Equal("Template", Element("packageType")?.Attribute("name")?.Value);
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("icon.png", Field("icon"));
        Assert.Equal("README.md", Field("readme"));
        Assert.StartsWith("https://", Element("repository")?.Attribute("url")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Field("description")));
        Assert.False(string.IsNullOrWhiteSpace(Field("authors")));
        Assert.False(string.IsNullOrWhiteSpace(Field("releaseNotes")));
        Assert.Contains("dotnet-new", Field("tags").Split(' '));
        Assert.Contains("templates", Field("tags").Split(' '));
        Assert.Contains("icon.png", pack.PackageEntries());
        Assert.Contains("README.md", pack.PackageEntries());
    }

    [Fact]
    public void Installing_the_package_reports_no_problem_and_exactly_the_packs_short_names()
    {
        Assert.True(pack.InstallResult.ExitCode == 0, pack.InstallResult.ToString());
        Assert.DoesNotMatch(TemplatePack.WarningOrError(), pack.InstallResult.Output);

        var expected = Repo.TemplateNames
            .Select(template => JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.TemplateDir(template), ".template.config", "template.json")))
                .RootElement.GetProperty("shortName").GetString()!)
            .Order(StringComparer.Ordinal);
        var installed = ShortName().Matches(pack.InstallResult.StandardOutput).Select(match => match.Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expected, installed);
    }

    private static bool IsBuildOutput(string file) =>
        file.Split('/') is var segments && segments.Any(segment => segment is "bin" or "obj" or "TestResults" or ".vs")
        || file.EndsWith(".db", StringComparison.Ordinal) || file.Contains(".db-", StringComparison.Ordinal) || file.EndsWith(".user", StringComparison.Ordinal);

    [GeneratedRegex(@"^(MyTemplates\.nuspec|README\.md|LICENSE|icon\.png|\[Content_Types\]\.xml|_rels/\.rels|package/services/metadata/core-properties/[^/]+\.psmdcp)$")]
    private static partial Regex PackageFrame();

    [GeneratedRegex(@"\bmyapp-[a-z]+\b")]
    private static partial Regex ShortName();
}
