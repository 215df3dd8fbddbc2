using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// Names a user may type that are not plain C# identifiers, or that collide with words the generated
/// code uses (folders, types, keywords): every template must still give a solution that builds with
/// warnings as errors.
/// </summary>
public sealed class NameTests(TemplatePack pack)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "myapp-webapi", "my-app" },
        { "myapp-webapi", "123go" },
        { "myapp-webapi", "My.Company.Product" },
        { "myapp-webapi", "Über" },
        { "myapp-webapi", "Services" },
        { "myapp-webapi", "User" },
        { "myapp-webapi", "class" },
        { "myapp-cli", "my-app" },
        { "myapp-cli", "123go" },
        { "myapp-cli", "My.Company.Product" },
        { "myapp-cli", "Über" },
        { "myapp-cli", "Commands" },
        { "myapp-cli", "Program" },
        { "myapp-pipeline", "my-app" },
        { "myapp-pipeline", "123go" },
        { "myapp-pipeline", "My.Company.Product" },
        { "myapp-pipeline", "Über" },
        { "myapp-pipeline", "Pipeline" },
        { "myapp-pipeline", "namespace" },
        { "myapp-workspace", "123go-app.Core" },
        { "myapp-workspace", "Core" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generated_solution_builds_whatever_the_name(string template, string name)
    {
        using var temp = new TempDirectory($"name-{template[6..]}");

        var output = await pack.InstantiateAsync(temp, template, name, "--no-restore");

        Assert.True(File.Exists(Path.Combine(output, $"{name}.slnx")), $"No {name}.slnx in {output}");
        await new GeneratedSolution(output).BuildAsync();
    }

    /// <summary>Aspire accepts ASCII letters, digits and hyphens, starting with a letter: a letter keeps its place without its diacritic.</summary>
    [Theory]
    [InlineData("myapp-webapi", "Über.Shop", "src/Über.Shop.AppHost/AppHost.cs", "\"uber-shop\"")]
    [InlineData("myapp-webapi", "123go", "src/123go.AppHost/AppHost.cs", "\"app-123go\"")]
    [InlineData("myapp-webapi", "CrèmeBrûlée", "src/CrèmeBrûlée.AppHost/AppHost.cs", "\"creme-brulee\"")]
    [InlineData("myapp-workspace", "Łódź.Straße", "Łódź.Straße.AppHost/AppHost.cs", "\"lodz-strasse-api\"")]
    public async Task Aspire_resource_names_are_made_of_what_aspire_accepts(string template, string name, string appHost, string resourceName)
    {
        using var temp = new TempDirectory($"name-aspire-{template[6..]}");

        var output = await pack.InstantiateAsync(temp, template, name, "--aspire", "true", "--no-restore");

        Assert.Contains($"AddProject({resourceName}", File.ReadAllText(Path.Combine(output, appHost)));
    }
}
