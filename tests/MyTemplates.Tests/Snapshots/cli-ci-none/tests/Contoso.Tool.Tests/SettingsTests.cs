using Contoso.Tool.Config;
using Contoso.Tool.Core;

namespace Contoso.Tool.Tests;

/// <summary>Settings from the file and the environment: their precedence, and a wrong one named where it came from, with its valid values.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly CliRunner cli = new();

    public SettingsTests() => cli.File("a.txt", "one\n");

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Settings_come_from_the_file_then_the_environment_then_the_command_line()
    {
        cli.File(AppSettings.FileName, "{ \"format\": \"json\" }");
        Assert.StartsWith("{", (await cli.RunAsync("process", "a.txt")).Output);

        cli.Environment["CONTOSO_TOOL_FORMAT"] = "table";
        Assert.StartsWith("  lines", (await cli.RunAsync("process", "a.txt")).Output);

        Assert.StartsWith("{", (await cli.RunAsync("process", "a.txt", "--format", "json")).Output);
    }

    [Theory]
    [InlineData("{ \"format\": \"xml\" }", "Invalid setting 'format' in {file}: 'xml'; valid values: table, json.")]
    [InlineData("{ \"includeHidden\": \"sometimes\" }", "Invalid setting 'includeHidden' in {file}: 'sometimes'; valid values: true, false.")]
    [InlineData("{ \"format\": { \"kind\": \"json\" } }", "Invalid setting 'format' in {file}: not a single value; valid values: table, json.")]
    [InlineData("{ \"colour\": \"red\" }", "Unknown setting 'colour' in {file}; the settings are 'format', 'includeHidden'.")]
    [InlineData("{ \"format\": ", "The settings file '{file}' is not valid: ")]
    public async Task An_invalid_settings_file_is_exit_1_naming_the_setting_the_file_and_the_valid_values(string content, string message)
    {
        var file = cli.File("custom.json", content);

        var result = await cli.RunAsync("process", "a.txt", "--config", file);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.StartsWith($"error: {message.Replace("{file}", file, StringComparison.Ordinal)}", result.Error);
        Assert.DoesNotContain(typeof(AppSettings).Namespace!, result.Error);
    }

    [Theory]
    [InlineData("CONTOSO_TOOL_FORMAT", "xml", "Invalid setting CONTOSO_TOOL_FORMAT (environment variable): 'xml'; valid values: table, json.")]
    [InlineData("CONTOSO_TOOL_INCLUDEHIDDEN", "yes", "Invalid setting CONTOSO_TOOL_INCLUDEHIDDEN (environment variable): 'yes'; valid values: true, false.")]
    [InlineData("CONTOSO_TOOL_COLOUR", "red", "Unknown setting CONTOSO_TOOL_COLOUR (environment variable); the settings are CONTOSO_TOOL_FORMAT, CONTOSO_TOOL_INCLUDEHIDDEN.")]
    public async Task An_invalid_environment_variable_is_exit_1_naming_the_variable_and_the_valid_values(string variable, string value, string message)
    {
        cli.Environment[variable] = value;

        var result = await cli.RunAsync("process", "a.txt");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Equal($"error: {message}", result.Error.Trim());
    }
}
