using System.Diagnostics;
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
    [InlineData("-?")]
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
    [InlineData("process", "a.txt", "--fromat", "json")]
    [InlineData("process", "-x", "a.txt")]
    [InlineData("init", "--froce")]
    [InlineData("init", "docs")]
    public async Task A_wrong_command_line_is_a_usage_error_on_stderr(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.NotEmpty(result.Error[..result.Error.IndexOf("Usage:", StringComparison.Ordinal)].Trim()); // the error, then usage
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task A_mistyped_option_is_named_and_the_command_help_follows()
    {
        cli.File("a.txt", "one\n");

        var result = await cli.RunAsync("process", "a.txt", "--fromat", "json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("Unrecognized option '--fromat'", result.Error);
        Assert.Contains(" process <paths>... [options]", result.Error); // the command's usage, from its help
    }

    [Theory]
    [InlineData("--", "-x")]
    [InlineData("./-x")]
    public async Task A_file_whose_name_starts_with_a_dash_is_read_after_double_dash_or_as_dot_slash(params string[] paths)
    {
        cli.File("-x", "one two\n");

        var result = await cli.RunAsync(["process", .. paths]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"\s1\s+2\s+8\s+(\./)?-x\n", result.Output);
    }

    [Fact]
    public async Task The_list_of_commands_and_each_command_help_agree_on_its_arguments()
    {
        var rows = (await cli.RunAsync("--help")).Output.Split("Commands:")[1].Split('\n')
            .Where(line => line.Length > 2 && line[2] != ' ')
            .Select(line => line.Trim().Split("  ")[0]);

        foreach (var row in rows)
        {
            var help = (await cli.RunAsync(row.Split(' ')[0], "--help")).Output;
            var usage = help.Split("Usage:")[1].TrimStart().Split('\n')[0];
            Assert.True(row.Contains('<') == usage.Contains('<') && !usage.Contains("[<"), $"The list shows '{row}', its help '{usage}'.");
        }
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

    [Theory]
    [InlineData("contoso-tool -")]
    [InlineData("contoso-tool process a.txt --")]
    [InlineData("contoso-tool ")]
    [InlineData("contoso-tool process a.txt --format ")]
    [InlineData("contoso-tool process ")] // no suggestion but options, so none: bash offers the folder's files
    public async Task Bash_completion_offers_what_the_app_suggests_and_options_once_a_dash_is_typed(string commandLine)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "bash completion is tried where bash is the shell");
        cli.File("-x", ""); // a file that the pattern -? would match, were a suggestion expanded as one
        var script = (await cli.RunAsync("completion", "bash")).Output;
        var suggestions = CliApp.CreateRootCommand(cli).Parse(commandLine["contoso-tool ".Length..]).GetCompletions().Select(item => item.Label);

        // The app is a function that answers as the app does, so that the script runs as it would in a terminal.
        var bash = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c",
                """
                contoso-tool() { [[ -z $SUGGESTIONS ]] || printf '%s\n' "$SUGGESTIONS"; }
                eval "$SCRIPT"
                COMP_LINE=$1 COMP_POINT=${#1}
                read -ra COMP_WORDS <<< "$1"
                [[ $1 == *' ' ]] && COMP_WORDS+=('')
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
                _contoso-tool
                for item in "${COMPREPLY[@]}"; do printf '[%s]\n' "$item"; done
                """,
                "bash",
                commandLine,
            },
            Environment = { ["SCRIPT"] = script, ["SUGGESTIONS"] = string.Join('\n', suggestions) },
            WorkingDirectory = cli.CurrentDirectory,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(bash)!;
        var offered = (await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[1..^1]);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var expected = suggestions.Where(label => commandLine.EndsWith('-') || !label.StartsWith('-'));
        Assert.Equal(expected.Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Suggestions_come_from_the_command_line_grammar()
    {
        var root = CliApp.CreateRootCommand(cli);

        Assert.Equal(["json", "table"], root.Parse("process a.txt --format ").GetCompletions().Select(item => item.Label));
        Assert.Contains("process", root.Parse("pro").GetCompletions().Select(item => item.Label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("process a.txt ")]
    public void Suggestions_have_no_windows_style_options(string commandLine)
    {
        var labels = CliApp.CreateRootCommand(cli).Parse(commandLine).GetCompletions().Select(item => item.Label).ToList();

        Assert.Contains("--help", labels);
        Assert.DoesNotContain(labels, label => label.StartsWith('/'));
    }
}
