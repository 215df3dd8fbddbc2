using System.Text.Json;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// Redocly CLI (its <c>recommended</c> rules) and Spectral (<c>spectral:oas</c>), pinned in
/// tests/openapi-lint/package.json and installed there by scripts/test.sh (<c>npm ci</c>).
/// </summary>
public static class OpenApiLinters
{
    private static readonly string Bin = Path.Combine(Repo.Root, "tests", "openapi-lint", "node_modules", ".bin");

    /// <summary>Every error and warning both linters report on the document, as "linter rule: message at path".</summary>
    public static async Task<IReadOnlyList<string>> LintAsync(string documentPath)
    {
        Assert.True(File.Exists(Path.Combine(Bin, "redocly")) && File.Exists(Path.Combine(Bin, "spectral")),
            "The OpenAPI linters are not installed: run `npm ci --prefix tests/openapi-lint` (scripts/test.sh does).");
        var folder = Path.GetDirectoryName(documentPath)!;
        var problems = new List<string>();

        var redocly = await ProcessRunner.RunAsync(Path.Combine(Bin, "redocly"), ["lint", documentPath, "--format", "json"],
            folder, TimeSpan.FromMinutes(2), cancellationToken: TestContext.Current.CancellationToken);
        var redoclyReport = JsonDocument.Parse(redocly.StandardOutput).RootElement;
        problems.AddRange(redoclyReport.GetProperty("problems").EnumerateArray().Select(problem =>
            $"redocly {problem.GetProperty("ruleId").GetString()} ({problem.GetProperty("severity").GetString()}): {problem.GetProperty("message").GetString()}"));

        var ruleset = Path.Combine(folder, ".spectral.yaml");
        await File.WriteAllTextAsync(ruleset, "extends: [\"spectral:oas\"]\n", TestContext.Current.CancellationToken);
        var spectral = await ProcessRunner.RunAsync(Path.Combine(Bin, "spectral"),
            ["lint", documentPath, "--ruleset", ruleset, "--format", "json", "--quiet", "--fail-severity", "hint"],
            folder, TimeSpan.FromMinutes(2), cancellationToken: TestContext.Current.CancellationToken);
        var spectralReport = spectral.StandardOutput.Trim();
        Assert.True(spectralReport.StartsWith('['), spectral.ToString());
        problems.AddRange(JsonDocument.Parse(spectralReport).RootElement.EnumerateArray().Select(problem =>
            $"spectral {problem.GetProperty("code").GetString()}: {problem.GetProperty("message").GetString()} at {string.Join('.', problem.GetProperty("path").EnumerateArray())}"));

        return problems;
    }
}
