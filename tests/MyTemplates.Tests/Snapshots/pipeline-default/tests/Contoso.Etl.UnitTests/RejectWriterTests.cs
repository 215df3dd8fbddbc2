using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;

namespace Contoso.Etl.UnitTests;

public sealed class RejectWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-rejects-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Rows_are_written_as_they_came_with_a_reason_quoted_only_where_csv_needs_it()
    {
        var path = Path.Combine(directory, "rejected.csv");
        string[] header = ["id", "note"];

        await using (var rejects = new RejectWriter(path))
        {
            await rejects.WriteAsync(Row(header, "a", "plain"), "id is empty", TestContext.Current.CancellationToken);
            await rejects.WriteAsync(Row(header, "b,c", "say \"hi\""), "two\nlines", TestContext.Current.CancellationToken);
            await rejects.WriteAsync(Row(header, "short"), "a field is missing", TestContext.Current.CancellationToken);
            Assert.Equal(3, rejects.Count);
        }

        Assert.Equal("id,note,reason\na,plain,id is empty\n\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\nshort,a field is missing\n",
            await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_run_without_rejects_leaves_no_file()
    {
        var path = Path.Combine(directory, "none.csv");

        await using (new RejectWriter(path))
        {
        }

        Assert.False(File.Exists(path));
    }

    private static SourceRow Row(string[] header, params string[] fields) =>
        new(1, fields[0], "", "", "", header, fields);
}
