using Contoso.Etl.Pipeline;

namespace Contoso.Etl.UnitTests;

public sealed class RejectWriterTests
{
    [Theory]
    [InlineData(new[] { "a", "b" }, "a,b\n")]
    [InlineData(new[] { "a,b", "c" }, "\"a,b\",c\n")]
    [InlineData(new[] { "say \"hi\"" }, "\"say \"\"hi\"\"\"\n")]
    [InlineData(new[] { "two\nlines", "" }, "\"two\nlines\",\n")]
    public void Fields_are_quoted_only_when_they_need_it(string[] fields, string line) =>
        Assert.Equal(line, RejectWriter.Line(fields));
}
