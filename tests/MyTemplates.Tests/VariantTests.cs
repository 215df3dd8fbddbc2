using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// Option values whose code the end-to-end tests do not build: each must still build with warnings
/// as errors and pass formatting, and its own tests where it has them. (Values that change only
/// non-code files, such as --ci none or --docker false, are covered by their snapshots; --aspire true is built, tested
/// and run by <see cref="AspireEndToEndTests"/>.)
/// </summary>
public sealed class VariantTests(TemplatePack pack)
{
    [Theory]
    [InlineData("webapi-tests-false", false)]
    [InlineData("webapi-openapi-false", true)]
    [InlineData("webapi-database-postgres-auth-jwt", true)]
    [InlineData("cli-tool-false", true)]
    [InlineData("cli-tests-false", false)]
    [InlineData("pipeline-layout-flat", true)]
    [InlineData("pipeline-tests-false", false)]
    public async Task Variant_builds_and_passes_its_tests(string scenarioName, bool hasTests)
    {
        var scenario = Scenarios.Named(scenarioName);
        using var temp = new TempDirectory(scenarioName);
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, [.. scenario.Arguments, "--no-restore"]));

        await solution.BuildAsync();
        await solution.VerifyFormattingAsync();
        if (hasTests)
        {
            await solution.TestAsync();
        }
        else
        {
            Assert.False(Directory.Exists(solution.PathOf("tests")), "--tests false still generated a tests folder.");
        }

        await StaticChecks.CheckAsync(solution, scenario.ProjectName);
    }
}
