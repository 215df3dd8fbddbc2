using Contoso.Tool.Cli;
using Contoso.Tool.Core;

namespace Contoso.Tool.Tests;

/// <summary>The command line itself: help, usage errors, the version, tab completion.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("init", "--help")]
    [InlineData("process", "--help")]
    public async Task Help_describes_the_command_with_an_example(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("Example: contoso-tool", result.Output);
        Assert.Empty(result.Error);
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("process")]
    [InlineData("process", "a.txt", "--format", "xml")]
    public async Task A_wrong_command_line_is_a_usage_error_on_stderr(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error[..result.Error.IndexOf("Usage:", StringComparison.Ordinal)].Trim()); // the error, then usage
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Version_is_printed()
    {
        var result = await cli.RunAsync("--version");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+", result.Output);
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("pwsh")]
    public async Task Completion_prints_a_script_that_asks_the_app_for_suggestions(string shell)
    {
        var result = await cli.RunAsync("completion", shell);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("contoso-tool \"[suggest:", result.Output);
    }

    [Fact]
    public void Suggestions_come_from_the_command_line_grammar()
    {
        var root = CliApp.CreateRootCommand(cli);

        Assert.Equal(["json", "table"], root.Parse("process a.txt --format ").GetCompletions().Select(item => item.Label));
        Assert.Contains("process", root.Parse("pro").GetCompletions().Select(item => item.Label));
    }
}
