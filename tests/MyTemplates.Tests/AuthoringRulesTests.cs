using System.Text.Json.Nodes;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

public sealed class AuthoringRulesTests
{
    public static TheoryData<string> Templates => [.. Repo.TemplateNames];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_follows_the_authoring_rules(string template)
    {
        var problems = TemplateRules.Check(Repo.TemplateDir(template));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Short_names_and_identities_are_unique_across_the_pack()
    {
        var problems = TemplateRules.CheckAcross(Repo.TemplateNames.Select(Repo.TemplateDir));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // The rules must catch what they are for: these plant one defect each in a copy of a real template.

    [Fact]
    public void A_parameter_without_a_description_is_reported_in_template_json()
    {
        using var copy = CopyOfTemplateConfig("webapi", out var configDir);
        EditJson(Path.Combine(configDir, "template.json"), json => json["symbols"]!["docker"]!.AsObject().Remove("description"));

        var problem = Assert.Single(TemplateRules.Check(copy.Path));

        Assert.StartsWith(Path.Combine(configDir, "template.json"), problem);
        Assert.Contains("'docker' has no description", problem);
    }

    [Fact]
    public void A_choice_without_a_description_and_an_invalid_default_are_reported()
    {
        using var copy = CopyOfTemplateConfig("webapi", out var configDir);
        EditJson(Path.Combine(configDir, "template.json"), json =>
        {
            json["symbols"]!["database"]!["choices"]![1]!.AsObject().Remove("description");
            json["symbols"]!["database"]!["defaultValue"] = "mysql";
        });

        var problems = TemplateRules.Check(copy.Path);

        Assert.Contains(problems, problem => problem.Contains("choice 'postgres' of symbol 'database' has no description", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("the default 'mysql' of symbol 'database'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_file_entry_for_a_removed_parameter_is_reported_in_the_host_file()
    {
        using var copy = CopyOfTemplateConfig("webapi", out var configDir);
        EditJson(Path.Combine(configDir, "template.json"), json => json["symbols"]!.AsObject().Remove("docker"));
        File.WriteAllText(Path.Combine(copy.Path, "Dockerfile"), "FROM scratch\n");

        var problems = TemplateRules.Check(copy.Path);

        Assert.Contains(problems, problem => problem.StartsWith(Path.Combine(configDir, "dotnetcli.host.json"), StringComparison.Ordinal)
            && problem.Contains("'docker' names no symbol", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith(Path.Combine(configDir, "ide.host.json"), StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_on_an_unknown_symbol_is_reported_in_the_file_that_holds_it()
    {
        using var copy = CopyOfTemplateConfig("webapi", out _);
        var source = Path.Combine(copy.Path, "Program.cs");
        File.WriteAllText(source, "#if (UseRedis)\nvar cache = 1;\n#endif\n");

        var problem = Assert.Single(TemplateRules.Check(copy.Path));

        Assert.StartsWith(source, problem);
        Assert.Contains("'UseRedis', which is not a symbol", problem);
    }

    [Fact]
    public void Leftover_template_syntax_in_a_generated_file_is_reported_with_the_file()
    {
        using var tree = new TempDirectory("leftover");
        Directory.CreateDirectory(Path.Combine(tree.Path, "src"));
        File.WriteAllText(Path.Combine(tree.Path, "src", "Program.cs"), "var x = 1;\n#if (UsePostgres)\nvar y = 2;\n#endif\n");
        File.WriteAllText(Path.Combine(tree.Path, "app.csproj"), "<Project>\n  <!--#if (UseJwt) -->\n</Project>\n");
        File.WriteAllText(Path.Combine(tree.Path, "README.md"), "Run Company-WebApi.\n");

        var problems = GeneratedTree.Problems(tree.Path, ["Company-WebApi"]);

        Assert.Contains("src/Program.cs:2: leftover template syntax '#if'", problems);
        Assert.Contains("src/Program.cs:4: leftover template syntax '#endif'", problems);
        Assert.Contains(problems, problem => problem.StartsWith("app.csproj:2: leftover template syntax", StringComparison.Ordinal));
        Assert.Contains("README.md:1: the template token 'Company-WebApi' was not replaced", problems);
    }

    private static TempDirectory CopyOfTemplateConfig(string template, out string configDir)
    {
        var copy = new TempDirectory($"rules-{template}");
        configDir = Path.Combine(copy.Path, ".template.config");
        Directory.CreateDirectory(configDir);
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.TemplateDir(template), ".template.config")))
        {
            File.Copy(file, Path.Combine(configDir, Path.GetFileName(file)));
        }

        return copy;
    }

    private static void EditJson(string path, Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
