using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>An item template refuses, with a clear message and without writing a file, to run where it does not fit.</summary>
public sealed class ItemTemplateTests(TemplatePack pack)
{
    [Theory]
    [InlineData("myapp-resource", "Product")]
    [InlineData("myapp-command", "Export")]
    public async Task Outside_a_project_it_fails_and_writes_nothing(string template, string name)
    {
        using var temp = new TempDirectory($"{template}-outside");

        var result = await pack.DotnetNewAsync(temp.Path, template, "-n", name);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("can only be created inside the project", result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_resource_in_another_project_or_with_a_taken_name_fails_and_writes_nothing()
    {
        using var temp = new TempDirectory("resource-refused");
        var solution = await pack.InstantiateAsync(temp, "myapp-webapi", Scenarios.WebApiName, "--no-restore");
        await ProcessRunner.DotnetOkAsync(solution, TimeSpan.FromMinutes(10), "restore");
        var before = Contents(solution);

        var inTests = await pack.DotnetNewAsync(Path.Combine(solution, "tests", $"{Scenarios.WebApiName}.UnitTests"), "myapp-resource", "-n", "Product");
        var taken = await pack.DotnetNewAsync(Path.Combine(solution, "src", Scenarios.WebApiName), "myapp-resource", "-n", "User");

        Assert.True(inTests.ExitCode != 0, inTests.ToString());
        Assert.Contains("MyTemplatesWebApi", inTests.Output);
        Assert.True(taken.ExitCode != 0, taken.ToString());
        Assert.Contains("will make changes to existing files", taken.Output);
        Assert.Contains("Api/Routes/UserRoutes.cs", taken.Output);
        Assert.Equal(before, Contents(solution));
    }

    [Fact]
    public async Task A_command_in_another_project_or_with_a_taken_name_fails_and_writes_nothing()
    {
        using var temp = new TempDirectory("command-refused");
        var solution = await pack.InstantiateAsync(temp, "myapp-cli", Scenarios.CliName, "--no-restore");
        await ProcessRunner.DotnetOkAsync(solution, TimeSpan.FromMinutes(10), "restore");
        var before = Contents(solution);

        var inTests = await pack.DotnetNewAsync(Path.Combine(solution, "tests", $"{Scenarios.CliName}.Tests"), "myapp-command", "-n", "Export");
        var taken = await pack.DotnetNewAsync(Path.Combine(solution, "src", Scenarios.CliName), "myapp-command", "-n", "Process");

        Assert.True(inTests.ExitCode != 0, inTests.ToString());
        Assert.Contains("MyTemplatesCli", inTests.Output);
        Assert.True(taken.ExitCode != 0, taken.ToString());
        Assert.Contains("will make changes to existing files", taken.Output);
        Assert.Contains("Commands/ProcessCommand.cs", taken.Output);
        Assert.Equal(before, Contents(solution));
    }

    private static Dictionary<string, string> Contents(string root) =>
        GeneratedTree.Files(root).Where(file => !file.Split('/').Any(segment => segment is "bin" or "obj"))
            .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(root, file)));
}
