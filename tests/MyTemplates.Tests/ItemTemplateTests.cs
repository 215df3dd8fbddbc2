using System.Text.RegularExpressions;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>An item template refuses, with a clear message and without writing a file, to run where it does not fit.</summary>
public sealed partial class ItemTemplateTests(TemplatePack pack)
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

    [Theory]
    [InlineData("myapp-resource", "Product", "dotnet new myapp-resource -n Product -o src/Contoso.Shop")]
    [InlineData("myapp-command", "Export", "dotnet new myapp-command -n Export -o src/Contoso.Tool")]
    public async Task Forced_outside_a_project_it_writes_nothing_anywhere_and_gives_the_real_fix(string template, string name, string fix)
    {
        using var temp = new TempDirectory($"{template}-forced");
        var deep = Directory.CreateDirectory(Path.Combine(temp.Path, "a", "b", "c")).FullName;

        var result = await pack.DotnetNewAsync(deep, template, "-n", name, "--force");

        Assert.Contains("Nothing was written", result.Output);
        Assert.Contains(fix, result.Output);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("myapp-webapi", Scenarios.WebApiName, "myapp-resource", "Product")]
    [InlineData("myapp-cli", Scenarios.CliName, "myapp-command", "Export")]
    public async Task Forced_in_the_solutions_folder_it_writes_nothing_in_or_beside_the_solution(
        string host, string hostName, string template, string name)
    {
        // The solution two folders down, so that a path climbing out of it (../../tests/...) still lands in this test's folder.
        using var temp = new TempDirectory($"{template}-forced-root");
        using var parent = new TempDirectory("solution", Directory.CreateDirectory(Path.Combine(temp.Path, "work")).FullName);
        var solution = await pack.InstantiateAsync(parent, host, hostName, "--no-restore");
        var before = Contents(temp.Path);

        var result = await pack.DotnetNewAsync(solution, template, "-n", name, "--force");

        Assert.Contains("Nothing was written", result.Output);
        Assert.Equal(before, Contents(temp.Path));
    }

    [Fact]
    public async Task Install_notes_that_the_item_templates_need_a_project_and_the_readme_says_why_that_is_harmless()
    {
        const string note = "might not work because their constraints are not met";
        Assert.Contains(note, pack.InstallResult.Output);
        Assert.Contains("MyTemplates Web API resource (myapp-resource)", pack.InstallResult.Output);

        var readme = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains($"\"{note}\"", readme);
        Assert.Contains("No project was found at the path", readme);
    }

    [Fact]
    public async Task A_resource_in_another_project_or_with_a_taken_name_fails_and_writes_nothing()
    {
        using var temp = new TempDirectory("resource-refused");
        var solution = await pack.InstantiateAsync(temp, "myapp-webapi", Scenarios.WebApiName, "--no-restore");
        await ProcessRunner.DotnetOkAsync(solution, TimeSpan.FromMinutes(10), "restore");
        var before = Contents(solution);

        var inTests = await pack.DotnetNewAsync(Path.Combine(solution, "tests", $"{Scenarios.WebApiName}.UnitTests"), "myapp-resource", "-n", "Product");
        var inTestsForced = await pack.DotnetNewAsync(Path.Combine(solution, "tests", $"{Scenarios.WebApiName}.UnitTests"),
            "myapp-resource", "-n", "Product", "--force");
        var taken = await pack.DotnetNewAsync(Path.Combine(solution, "src", Scenarios.WebApiName), "myapp-resource", "-n", "User");

        Assert.True(inTests.ExitCode != 0, inTests.ToString());
        Assert.Contains("MyTemplatesWebApi", inTests.Output);
        Assert.Contains("Nothing was written", inTestsForced.Output);
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

    [Fact]
    public async Task A_name_starting_with_a_vowel_letter_gets_no_wrong_article()
    {
        using var temp = new TempDirectory("resource-articles");
        var solution = await pack.InstantiateAsync(temp, "myapp-webapi", Scenarios.WebApiName, "--no-restore");
        var web = Path.Combine(solution, "src", Scenarios.WebApiName);
        await ProcessRunner.DotnetOkAsync(web, TimeSpan.FromMinutes(10), "restore");
        var before = Contents(solution);

        foreach (var name in new[] { "UserProfile", "UnitPrice" })
        {
            var result = await pack.DotnetNewAsync(web, "myapp-resource", "-n", name);
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        var added = Contents(solution).Where(file => !before.ContainsKey(file.Key)).ToList();
        Assert.Contains(added, file => file.Value.Contains("Creates one user profile.", StringComparison.Ordinal));
        var wrong = added.Where(file => WrongArticle().IsMatch(file.Value)).Select(file => $"{file.Key}: {WrongArticle().Match(file.Value).Value}").ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>"an" before a word said with a "you" or a "w" sound.</summary>
    [GeneratedRegex(@"(?i)\ban (user|unit|uni|use|one)")]
    private static partial Regex WrongArticle();

    private static Dictionary<string, string> Contents(string root) =>
        GeneratedTree.Files(root).Where(file => !file.Split('/').Any(segment => segment is "bin" or "obj"))
            .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(root, file)));
}
