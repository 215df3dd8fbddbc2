using Contoso.Etl.Models;
using Contoso.Etl.Transformers;

namespace Contoso.Etl.UnitTests;

public sealed class UserRulesTests
{
    private readonly UserRules rules = new();

    [Fact]
    public void A_valid_row_is_trimmed_lower_cased_and_converted_to_utc()
    {
        var result = rules.Clean(Row(" u1 ", " Ada@Example.COM ", "  Ada Lovelace ", "2024-01-16T10:00:00+01:00"));

        Assert.Equal(new User("u1", "ada@example.com", "Ada Lovelace", new DateTimeOffset(2024, 1, 16, 9, 0, 0, TimeSpan.Zero)), result.Record);
        Assert.Equal(TimeSpan.Zero, result.Record!.CreatedAt.Offset);
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
        Assert.Equal(reason, rules.Clean(Row(id, email, name, createdAt)).RejectReason);

    [Theory]
    [InlineData("2024-01-16T10:00:00Z", "2024-01-16T10:00:00.0000000Z")]
    [InlineData(" 2024-01-16t10:00z ", "2024-01-16T10:00:00.0000000Z")]
    [InlineData("2024-01-16T10:00:00.5+01:30", "2024-01-16T08:30:00.5000000Z")]
    [InlineData("2024-01-16T10:00:00.1234567-0530", "2024-01-16T15:30:00.1234567Z")]
    [InlineData("2024-02-29T23:59:59+14:00", "2024-02-29T09:59:59.0000000Z")]
    [InlineData("9999-12-31T23:59:59-01:00", null)] // past the largest date in UTC
    [InlineData("0001-01-01T00:30:00+01:00", null)] // before the smallest
    [InlineData("2023-02-29T00:00:00Z", null)]
    [InlineData("2024-04-31T00:00:00Z", null)]
    [InlineData("2024-01-01T24:00:00Z", null)]
    [InlineData("2024-01-01T23:60:00Z", null)]
    [InlineData("2024-01-01T23:59:60Z", null)]
    [InlineData("2024-01-01T10:00:00+14:01", null)]
    [InlineData("2024-01-01T10:00:00+01:60", null)]
    [InlineData("2024-01-01T10:00:00.12345678Z", null)]
    [InlineData("2024-01-01T10:00:00.Z", null)]
    [InlineData("2024-01-01T10:00:00.5", null)]
    [InlineData("2024-01-01T10:00:00+1:00", null)]
    [InlineData("2024-01-01T10:00:00 Z", null)]
    [InlineData("2024-1-01T10:00:00Z", null)]
    [InlineData("+024-01-01T10:00:00Z", null)]
    [InlineData("2024-01-01T10:0:00ZZ", null)]
    public void Timestamps_are_iso_8601_with_an_offset_and_stored_in_utc(string createdAt, string? stored)
    {
        var user = rules.Clean(Row("id", "a@b.co", "Ada", createdAt)).Record;

        Assert.Equal(stored, user?.CreatedAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(stored is null ? null : TimeSpan.Zero, user?.CreatedAt.Offset);
    }

    [Fact]
    public void Lengths_count_unicode_code_points()
    {
        var emoji = "😀"; // two UTF-16 units, one code point
        Assert.Null(rules.Clean(Row(string.Concat(Enumerable.Repeat(emoji, 64)), "a@b.co", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("id is longer than 64 characters",
            rules.Clean(Row(string.Concat(Enumerable.Repeat(emoji, 65)), "a@b.co", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Null(rules.Clean(Row("id", "a@b.co", string.Concat(Enumerable.Repeat(emoji, 100)), "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("name is longer than 100 characters",
            rules.Clean(Row("id", "a@b.co", new string('n', 101), "2024-01-01T00:00:00Z")).RejectReason);
        Assert.Equal("email is longer than 255 characters",
            rules.Clean(Row("id", $"{new string('e', 250)}@b.com", "Ada", "2024-01-01T00:00:00Z")).RejectReason);
    }

    [Fact]
    public void Columns_are_read_by_name_in_any_order_and_case()
    {
        var row = new SourceRow(1, new RowHeader(["Created_At", "NAME", "extra", "Id", "email"]), ["2024-01-01T00:00:00Z", "Ada", "x", "u1", "a@b.co"]);

        Assert.Equal(new User("u1", "a@b.co", "Ada", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)), rules.Clean(row).Record);
    }

    private static SourceRow Row(string id, string email, string name, string createdAt) =>
        new(1, new RowHeader(["id", "email", "name", "created_at"]), [id, email, name, createdAt]);
}
