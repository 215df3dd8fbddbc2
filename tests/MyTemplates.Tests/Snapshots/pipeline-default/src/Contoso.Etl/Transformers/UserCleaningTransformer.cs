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

        if (!TryParseTimestamp(row.CreatedAt.Trim(), out var createdAt))
        {
            return TransformResult.Reject("created_at is not an ISO 8601 date-time with Z or an offset");
        }

        return TransformResult.Accept(new User(id, email, name, createdAt));
    }

    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        if (!IsoDateTime().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            value = default;
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

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

    // Date, 'T', time with optional seconds and fraction, then Z or a ±hh:mm offset.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})$")]
    private static partial Regex IsoDateTime();
}
