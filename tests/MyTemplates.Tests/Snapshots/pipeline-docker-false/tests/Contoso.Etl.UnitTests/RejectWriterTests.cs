using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;

namespace Contoso.Etl.UnitTests;

public sealed class RejectWriterTests : IDisposable
{
    private static readonly RowHeader Header = new(["id", "note"]);

    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-rejects-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Rows_are_written_as_they_came_with_a_reason_quoted_only_where_csv_needs_it()
    {
        var path = Path.Combine(directory, "rejected.csv");

        await using (var rejects = RejectWriter.Create(path))
        {
            await rejects.WriteAsync(Row("a", "plain"), "id is empty", TestContext.Current.CancellationToken);
            await rejects.WriteAsync(Row("b,c", "say \"hi\""), "two\nlines", TestContext.Current.CancellationToken);
            Assert.Equal(2, rejects.Count);
        }

        Assert.Equal("id,note,reason,raw\na,plain,id is empty,\n\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\n",
            await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_row_with_fewer_or_more_fields_than_the_header_keeps_the_header_shape_and_its_text_in_raw()
    {
        var path = Path.Combine(directory, "rejected.csv");

        await using (var rejects = RejectWriter.Create(path))
        {
            await rejects.WriteAsync(new SourceRow(1, Header, ["short"], "short"), "expected 2 fields, found 1", TestContext.Current.CancellationToken);
            await rejects.WriteAsync(new SourceRow(2, Header, ["a", "b", "c"], "a,b,\"c\""), "expected 2 fields, found 3", TestContext.Current.CancellationToken);
        }

        Assert.Equal("id,note,reason,raw\n,,\"expected 2 fields, found 1\",short\n,,\"expected 2 fields, found 3\",\"a,b,\"\"c\"\"\"\n",
            await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_run_without_rejects_leaves_no_file_not_even_an_earlier_runs()
    {
        var path = Path.Combine(directory, "none.csv");
        await File.WriteAllTextAsync(path, "id,note,reason,raw\nold,row,an earlier run's,\n", TestContext.Current.CancellationToken);

        await using (RejectWriter.Create(path))
        {
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_a_usage_error_naming_the_path_and_is_not_created()
    {
        var path = Path.Combine(directory, "missing", "rejected.csv");

        var error = Assert.Throws<PipelineException>(() => RejectWriter.Create(path));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(path, error.Message);
        Assert.False(Directory.Exists(Path.Combine(directory, "missing")));
    }

    [Fact]
    public void A_path_that_is_a_folder_is_a_usage_error()
    {
        var error = Assert.Throws<PipelineException>(() => RejectWriter.Create(directory));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(directory, error.Message);
    }

    private static SourceRow Row(params string[] fields) => new(1, Header, fields);
}
