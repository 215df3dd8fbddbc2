namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// <c>action-validator</c> (npm <c>@action-validator/cli</c>): GitHub workflow files against the workflow schema, and the
/// globs their path filters use. Pinned in tests/workflow-lint/package.json, installed there by scripts/test.sh (<c>npm ci</c>).
/// </summary>
public static class WorkflowValidator
{
    private static readonly string Validator = Path.Combine(Repo.Root, "tests", "workflow-lint", "node_modules", ".bin", "action-validator");

    /// <summary>The validator's run on <paramref name="workflow"/>: exit code 0 when it is valid, else its errors.</summary>
    public static async Task<ProcessResult> ValidateAsync(string workflow)
    {
        Assert.True(File.Exists(Validator),
            "The workflow validator is not installed: run `npm ci --prefix tests/workflow-lint` (scripts/test.sh does).");
        return await ProcessRunner.RunAsync(Validator, [workflow], Path.GetDirectoryName(workflow)!, TimeSpan.FromMinutes(1),
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
