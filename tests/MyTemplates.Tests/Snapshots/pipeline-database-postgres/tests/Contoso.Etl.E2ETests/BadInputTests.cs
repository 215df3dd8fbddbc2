using Contoso.Etl.Pipeline;
using Contoso.Etl.TestSupport;

namespace Contoso.Etl.E2ETests;

/// <summary>A wrong command line, input, reject file or setting: exit 2 (or 1 for settings) with a message, and nothing loaded.</summary>
[Collection(nameof(AppRun))]
public sealed class BadInputTests : AppRunTest
{
    [Theory]
    [InlineData("missing/users.rejected.csv")]
    [InlineData("")]
    public async Task A_reject_file_that_cannot_be_written_is_exit_2_naming_it_with_nothing_loaded(string rejects)
    {
        var input = new UserCsv().ValidRows(10).Row("bad", "not-an-email", "B", "2024-01-01T00:00:00Z").WriteTo(Folder);
        var path = Path.Combine(Folder, rejects); // a folder that does not exist, or a folder itself

        var result = await RunAsync("--input", input, "--rejects", path);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(path.TrimEnd('/'), result.Error);
        Assert.False(await Database.TableExistsAsync("users")); // not even the table was created
        Assert.False(Directory.Exists(Path.Combine(Folder, "missing")));
    }

    [Fact]
    public async Task A_missing_column_stops_the_run_with_exit_2_before_anything_is_loaded()
    {
        var input = new UserCsv().WithHeader("id", "mail", "name", "created_at").Row("u1", "a@b.co", "A", "2024-01-01T00:00:00Z").WriteTo(Folder);

        var result = await RunAsync("--input", input);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'email'", result.Error);
        Assert.False(await Database.TableExistsAsync("users")); // not even the table was created
    }

    [Fact]
    public async Task An_entity_without_a_bundled_sample_needs_an_input()
    {
        var result = await RunAsync(["--entity", "orders"], entities: Orders.BesideTheAppsOwn);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--input is needed: there is no bundled sample of orders", result.Error);
    }

    [Fact]
    public async Task A_reject_file_that_is_the_input_is_exit_2_and_the_input_is_kept()
    {
        var input = new UserCsv().ValidRows(3).WriteTo(Folder);
        var before = File.ReadAllText(input);

        var result = await RunAsync("--input", input, "--rejects", input);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--rejects names the input file", result.Error);
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Theory]
    [InlineData("missing.csv", "does not exist")]
    [InlineData("", "is a folder")]
    [InlineData("empty.csv", "is empty")]
    public async Task An_input_that_is_missing_a_folder_or_empty_is_exit_2_saying_so(string name, string problem)
    {
        File.WriteAllText(Path.Combine(Folder, "empty.csv"), "");

        var result = await RunAsync("--input", Path.Combine(Folder, name));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(problem, result.Error);
        Assert.False(await Database.TableExistsAsync("users"));
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--source", "api")]
    [InlineData("--source", "ftp")]
    [InlineData("--entity", "orders")]
    [InlineData("--url", "http://localhost:5080/")]
    [InlineData("--source", "api", "--url", "http://localhost:5080/", "--input", "users.csv")]
    public async Task A_wrong_command_line_is_exit_2_with_usage_on_stderr(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Usage:", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_run_naming_each_key()
    {
        var input = new UserCsv().ValidRows(1).WriteTo(Folder);

        var result = await RunAsync(["--input", input], ("Pipeline:BatchSize", "0"), ("Api:PageSize", "0"), ("ConnectionStrings:Default", "Data Sorce=x"));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.True(result.Error.StartsWith("error: invalid settings: ", StringComparison.Ordinal), result.Error);
        Assert.Contains("Pipeline:BatchSize", result.Error);
        Assert.Contains("Api:PageSize", result.Error);
        Assert.Contains("ConnectionStrings:Default is not a valid connection string", result.Error);
        Assert.DoesNotContain("   at ", result.Error); // no stack trace
    }
}
