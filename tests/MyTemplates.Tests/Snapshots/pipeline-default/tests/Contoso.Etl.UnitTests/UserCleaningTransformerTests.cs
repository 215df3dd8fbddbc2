using Contoso.Etl.Models;
using Contoso.Etl.Transformers;

namespace Contoso.Etl.UnitTests;

public sealed class UserCleaningTransformerTests
{
    private readonly UserCleaningTransformer transformer = new();

    [Fact]
    public void A_valid_row_is_trimmed_lower_cased_and_converted_to_utc()
    {
        var result = transformer.Transform(Row(" u1 ", " Ada@Example.COM ", "  Ada Lovelace ", "2024-01-16T10:00:00+01:00"));

        Assert.Equal(new User("u1", "ada@example.com", "Ada Lovelace", new DateTimeOffset(2024, 1, 16, 9, 0, 0, TimeSpan.Zero)), result.User);
        Assert.Equal(TimeSpan.Zero, result.User!.CreatedAt.Offset);
    }

    [Theory]
    [InlineData("", "a@b.co", "Ada", "2024-01-01T00:00:00Z", "id is empty")]
    [InlineData("   ", "a@b.co", "Ada", "2024-01-01T00:00:00Z", "id is empty")]
    [InlineData("a@b", "a@b.co", "Ada", "2024-01-01T00:00:00Z", null)]
    [InlineData("id", "not-an-email", "Ada", "2024-01-01T00:00:00Z", "email is not an e-mail address")]
    [InlineData("id", "a b@c.de", "Ada", "2024-01-01T00:00:00Z", "email is not an e-mail address")]
    [InlineData("id", "a@b@c.de", "Ada", "2024-01-01T00:00:00Z", "email is not an e-mail address")]
    [InlineData("id", "a@b.co", "", "2024-01-01T00:00:00Z", "name is empty")]
    [InlineData("id", "a@b.co", "Ada", "2024-01-01", "created_at is not an ISO 8601 date-time with Z or an offset")]
    [InlineData("id", "a@b.co", "Ada", "2024-01-01T00:00:00", "created_at is not an ISO 8601 date-time with Z or an offset")]
    [InlineData("id", "a@b.co", "Ada", "2024-02-30T00:00:00Z", "created_at is not an ISO 8601 date-time with Z or an offset")]
    [InlineData("id", "a@b.co", "Ada", "01/02/2024 00:00 +00:00", "created_at is not an ISO 8601 date-time with Z or an offset")]
    [InlineData("id", "a@b.co", "Ada", "2024-01-01T00:00Z", null)]
    [InlineData("id", "a@b.co", "Ada", "2024-01-01T00:00:00.1234567-05:30", null)]
    public void Each_rule_rejects_with_its_reason(string id, string email, string name, string createdAt, string? reason) =>
        Assert.Equal(reason, transformer.Transform(Row(id, email, name, createdAt)).RejectReason);

    [Fact]
    public void Lengths_count_unicode_code_points()
    {
        var emoji = "😀"; // two UTF-16 units, one code point
        Assert.Null(transformer.Transform(Row(string.Concat(Enumerable.Repeat(emoji, 64)), "a@b.co", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("id is longer than 64 characters",
            transformer.Transform(Row(string.Concat(Enumerable.Repeat(emoji, 65)), "a@b.co", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Null(transformer.Transform(Row("id", "a@b.co", string.Concat(Enumerable.Repeat(emoji, 100)), "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("name is longer than 100 characters",
            transformer.Transform(Row("id", "a@b.co", new string('n', 101), "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("email is longer than 255 characters",
            transformer.Transform(Row("id", $"{new string('e', 250)}@b.com", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
    }

    private static SourceRow Row(string id, string email, string name, string createdAt) =>
        new(1, id, email, name, createdAt, ["id", "email", "name", "created_at"], [id, email, name, createdAt]);
}
