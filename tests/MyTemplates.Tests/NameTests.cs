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
}
