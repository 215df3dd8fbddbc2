using Contoso.Tool.Core;
using Contoso.Tool.Services;

namespace Contoso.Tool.Tests;

/// <summary>The <c>order-line</c> command as a user runs it, and its service.</summary>
public sealed class OrderLineCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task It_writes_each_item_and_exits_0()
    {
        var result = await cli.RunAsync("order-line", "first", "second", "--repeat", "2");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(["order-line: first", "order-line: first", "order-line: second", "order-line: second"],
            result.Output.TrimEnd('\n').Split('\n'));
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Output_option_writes_the_result_to_a_file()
    {
        var result = await cli.RunAsync("order-line", "first", "--output", "result.txt");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Equal("order-line: first\n", File.ReadAllText(Path.Combine(cli.CurrentDirectory, "result.txt")));
    }

    [Fact]
    public async Task Help_describes_it_with_an_example()
    {
        var result = await cli.RunAsync("order-line", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Example: contoso-tool order-line", result.Output);
    }

    [Theory]
    [InlineData("order-line")]
    [InlineData("order-line", "first", "--repeat", "0")]
    [InlineData("order-line", "first", "--repeat", "many")]
    [InlineData("order-line", "first", "--repeat")]
    public async Task A_wrong_command_line_is_a_usage_error_on_stderr(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_empty_item_is_exit_1_with_one_line_on_stderr()
    {
        var result = await cli.RunAsync("order-line", " ");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public void The_service_repeats_each_item_in_order()
    {
        Assert.Equal(["order-line: a", "order-line: b"], OrderLineService.Run(["a", " b "], 1));
        Assert.Throws<CliException>(() => OrderLineService.Run(["a", ""], 1));
    }
}
