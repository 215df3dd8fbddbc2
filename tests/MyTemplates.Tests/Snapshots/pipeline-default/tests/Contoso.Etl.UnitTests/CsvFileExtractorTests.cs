using System.Text;
using Contoso.Etl.Extractors;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;
using Contoso.Etl.Loaders;

namespace Contoso.Etl.UnitTests;

public sealed class CsvFileExtractorTests : IDisposable
{
    private static readonly Entity Users = Entity.Of("users", new UserRules(), UserTable.Map);

    private readonly string directory = Directory.CreateTempSubdirectory("contoso-etl-csv-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Reads_full_csv_syntax_with_a_bom_crlf_and_columns_in_any_order_and_case()
    {
        var csv = "\uFEFFName,EXTRA,Created_At,ID,Email\r\n" +
                  "\"Turing, Alan\",x,2024-01-01T00:00:00Z,u1,alan@example.com\r\n" +
                  "\"Donald \"\"Don\"\" Knuth\",y,2024-01-02T00:00:00Z,u2,don@example.com\r\n" +
                  "\"Margaret\r\nHamilton\",z,2024-01-03T00:00:00Z,u3,mh@example.com\r\n";
        var path = Path.Combine(directory, "users.csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), TestContext.Current.CancellationToken);

        var rows = await new CsvFileExtractor(path).ExtractAsync(Users, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Turing, Alan", "Donald \"Don\" Knuth", "Margaret\r\nHamilton"], rows.Select(row => row["name"]));
        Assert.Equal(["u1", "u2", "u3"], rows.Select(row => row["id"]));
        Assert.Equal(["Name", "EXTRA", "Created_At", "ID", "Email"], rows[0].Header.Names);
        Assert.All(rows, row => Assert.Null(row.RawText));
        Assert.Equal([1L, 2L, 3L], rows.Select(row => row.Number));
    }

    [Fact]
    public async Task A_row_with_fewer_or_more_fields_than_the_header_keeps_its_text_as_read()
    {
        var path = Path.Combine(directory, "users.csv");
        await File.WriteAllTextAsync(path, "id,email,name,created_at\nu1,\"Don \"\"D\"\" Knuth\"\nu2,b@b.co,B,2024-01-01T00:00:00Z,\"x,\r\ny\"\n\nu3,c@b.co,C,2024-01-01T00:00:00Z\n",
            TestContext.Current.CancellationToken);

        var rows = await new CsvFileExtractor(path).ExtractAsync(Users, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([2, 5, 4], rows.Select(row => row.Fields.Count));
        Assert.Equal(["u1,\"Don \"\"D\"\" Knuth\"", "u2,b@b.co,B,2024-01-01T00:00:00Z,\"x,\r\ny\"", null], rows.Select(row => row.RawText));
        Assert.Equal("Don \"D\" Knuth", rows[0].Fields[1]);
        Assert.Equal("", rows[0]["name"]); // a field the row lacks reads as empty
    }

    [Fact]
    public async Task A_missing_column_is_a_usage_error_naming_the_column()
    {
        var path = Path.Combine(directory, "users.csv");
        await File.WriteAllTextAsync(path, "id,name,created_at\nu1,Ada,2024-01-01T00:00:00Z\n", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<PipelineException>(async () =>
            await new CsvFileExtractor(path).ExtractAsync(Users, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("'email'", error.Message);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_usage_error_naming_it()
    {
        var path = Path.Combine(directory, "missing.csv");

        var error = await Assert.ThrowsAsync<PipelineException>(async () =>
            await new CsvFileExtractor(path).ExtractAsync(Users, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains(path, error.Message);
    }
}
