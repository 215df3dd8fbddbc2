using System.Text.RegularExpressions;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>A solution generated into a temp folder, with the steps a team would take on it first.</summary>
public sealed partial class GeneratedSolution(string root)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public string Root { get; } = root;

    /// <summary>Builds with warnings as errors, as the generated CI does.</summary>
    public Task<ProcessResult> BuildAsync(params string[] extra) =>
        ProcessRunner.DotnetOkAsync(Root, BuildTimeout, ["build", "-warnaserror", "-p:CI=true", .. extra]);

    public Task<ProcessResult> VerifyFormattingAsync() =>
        ProcessRunner.DotnetOkAsync(Root, BuildTimeout, "format", "--verify-no-changes", "--no-restore");

    /// <summary>Runs the solution's own tests: more than zero must run, all must pass, none may be skipped.</summary>
    public async Task<(int Total, int Failed, int Skipped)> TestAsync()
    {
        var result = await ProcessRunner.DotnetAsync(Root, BuildTimeout, "test", "--no-build");
        var total = Count(result, "total");
        var failed = Count(result, "failed");
        var skipped = Count(result, "skipped");
        Assert.True(result.ExitCode == 0 && total > 0 && failed == 0 && skipped == 0,
            $"The generated tests: total {total}, failed {failed}, skipped {skipped}.\n" +
            string.Join('\n', FailedTest().Matches(result.StandardOutput).Select(match => match.Value.Trim())) + $"\n{result}");
        return (total, failed, skipped);
    }

    public string PathOf(string relative) => System.IO.Path.Combine(Root, relative);

    private static int Count(ProcessResult result, string label) =>
        SummaryLine().Matches(result.StandardOutput)
            .Where(match => match.Groups["label"].Value == label)
            .Sum(match => int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^\s*(?<label>total|failed|succeeded|skipped):\s*(?<count>\d+)\s*$")]
    private static partial Regex SummaryLine();

    /// <summary>A failed test in dotnet test's output (its name and the first lines of why): shown before the output's tail, which may not reach it.</summary>
    [GeneratedRegex(@"(?m)^\s*failed \S+.*(\n.*){0,8}")]
    private static partial Regex FailedTest();
}
