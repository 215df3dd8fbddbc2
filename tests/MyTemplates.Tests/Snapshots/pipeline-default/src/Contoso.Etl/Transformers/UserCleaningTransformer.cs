using System.Globalization;
using System.Text.RegularExpressions;
using Contoso.Etl.Models;

namespace Contoso.Etl.Transformers;

/// <summary>
/// The cleaning rules: <c>id</c> trimmed, 1–64 characters; <c>email</c> trimmed, lower-cased,
/// something@something.tld, at most 255 characters; <c>name</c> trimmed, 1–100 characters;
/// <c>created_at</c> an ISO 8601 date-time with <c>Z</c> or an offset, stored in UTC.
/// Characters are Unicode code points.
/// </summary>
public sealed partial class UserCleaningTransformer : ITransformer
{
    public TransformResult Transform(SourceRow row)
    {
        var id = row.Id.Trim();
        var idLength = CodePoints(id);
        if (idLength is < 1 or > 64)
        {
            return TransformResult.Reject(idLength == 0 ? "id is empty" : "id is longer than 64 characters");
        }

        var email = row.Email.Trim().ToLowerInvariant();
        if (CodePoints(email) > 255)
        {
            return TransformResult.Reject("email is longer than 255 characters");
        }

        if (!EmailPattern().IsMatch(email))
        {
            return TransformResult.Reject("email is not an e-mail address");
        }

        var name = row.Name.Trim();
        var nameLength = CodePoints(name);
        if (nameLength is < 1 or > 100)
        {
            return TransformResult.Reject(nameLength == 0 ? "name is empty" : "name is longer than 100 characters");
        }

        if (!TryParseTimestamp(row.CreatedAt.AsSpan().Trim(), out var createdAt))
        {
            return TransformResult.Reject("created_at is not an ISO 8601 date-time with Z or an offset");
        }

        return TransformResult.Accept(new User(id, email, name, createdAt));
    }

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm[:ss[.f…]]</c> (up to 7 fraction digits) then <c>Z</c> or an offset
    /// (<c>±hh:mm</c>, <c>±hhmm</c>, at most ±14:00), as UTC. The shape is checked first, because the
    /// BCL's parser, which checks the values, also accepts many forms that are not ISO 8601.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (!TimestampShape().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            value = default;
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex TimestampShape();

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
