using System.Text.Json;
using Contoso.Tool.Config;
using Contoso.Tool.Core;

namespace Contoso.Tool.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Init_keeps_an_existing_file_unless_forced()
    {
        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("init")).ExitCode);
        var path = Path.Combine(cli.CurrentDirectory, AppSettings.FileName);
        File.WriteAllText(path, "{ \"format\": \"json\" }");

        var second = await cli.RunAsync("init");
        Assert.Equal(ExitCodes.Failure, second.ExitCode);
        Assert.Contains("--force", second.Error);
        Assert.Equal("{ \"format\": \"json\" }", File.ReadAllText(path));

        Assert.Equal(ExitCodes.Success, (await cli.RunAsync("init", "--force")).ExitCode);
        Assert.Contains("\"format\": \"table\"", File.ReadAllText(path));
    }

    [Fact]
    public async Task Init_writes_into_the_folder_dir_names()
    {
        var result = await cli.RunAsync("init", "--dir", "settings");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(cli.CurrentDirectory, "settings", AppSettings.FileName)), result.Output);
    }

    [Fact]
    public async Task Process_reports_every_file_of_a_folder_and_the_total_as_json()
    {
        cli.File("docs/a.txt", "one two\nthree\n");
        cli.File("docs/sub/b.txt", "four");
        cli.File("docs/.hidden/c.txt", "not counted");

        var result = await cli.RunAsync("process", "docs", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["docs/a.txt", "docs/sub/b.txt"], Paths(result.Output));
        var total = JsonDocument.Parse(result.Output).RootElement.GetProperty("total");
        Assert.Equal((2, 4, 18), (total.GetProperty("lines").GetInt64(), total.GetProperty("words").GetInt64(), total.GetProperty("bytes").GetInt64()));
    }

    [Fact]
    public async Task Process_of_a_folder_leaves_out_build_output_and_version_control_unless_they_are_named()
    {
        cli.File("a.txt", "one two\n");
        cli.File("bin/Debug/app.dll", "binary");
        cli.File("obj/project.assets.json", "{}");
        cli.File("src/App/bin/app.dll", "binary");
        cli.File(".git/HEAD", "ref: refs/heads/main\n");
        cli.Environment["CONTOSO_TOOL_INCLUDEHIDDEN"] = "true";

        var folder = await cli.RunAsync("process", ".", "--format", "json");
        var named = await cli.RunAsync("process", "bin", "src/App/bin", "--format", "json");

        Assert.Equal(ExitCodes.Success, folder.ExitCode);
        Assert.Equal(["./a.txt"], Paths(folder.Output));
        Assert.Equal(["bin/Debug/app.dll", "src/App/bin/app.dll"], Paths(named.Output));
    }

    [Fact]
    public async Task Process_reads_standard_input_for_a_dash()
    {
        var result = await cli.RunWithInputAsync("alpha beta\ngamma\n", "process", "-");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"\s2\s+3\s+17\s+-\n", result.Output);
    }

    [Fact]
    public async Task Cancelling_a_read_of_standard_input_that_never_ends_is_exit_130()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        var result = await cli.RunWithInputAsync(new BlockingStream(), ["process", "-"], cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("Cancelled.", result.Error.Trim());
    }

    [Fact]
    public async Task A_missing_path_is_named_the_others_are_still_counted_and_the_exit_code_is_1()
    {
        cli.File("a.txt", "one\n");

        var result = await cli.RunAsync("process", "missing.txt", "a.txt", "--format", "json");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("missing.txt", result.Error);
        Assert.Equal(1, JsonDocument.Parse(result.Output).RootElement.GetProperty("total").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task Output_option_writes_the_report_to_a_file()
    {
        cli.File("a.txt", "one\n");

        var result = await cli.RunAsync("process", "a.txt", "--output", "report.txt");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("total", File.ReadAllText(Path.Combine(cli.CurrentDirectory, "report.txt")));
    }

    [Fact]
    public async Task Verbose_adds_the_details_of_an_error()
    {
        var quiet = await cli.RunAsync("process", "a.txt", "--config", "nowhere.json");
        var verbose = await cli.RunAsync("process", "a.txt", "--config", "nowhere.json", "--verbose");

        Assert.Equal(ExitCodes.Failure, quiet.ExitCode);
        Assert.Single(quiet.Error.Trim().Split('\n'));
        Assert.Contains("CliException", verbose.Error);
    }

    private static IEnumerable<string?> Paths(string jsonReport) =>
        JsonDocument.Parse(jsonReport).RootElement.GetProperty("files").EnumerateArray().Select(file => file.GetProperty("path").GetString());
}
