using System.Globalization;
using System.Text.RegularExpressions;

namespace Contoso.Etl.Transformers;

/// <summary>Checks that cleaning rules share: lengths in Unicode code points, ISO 8601 timestamps, e-mail addresses.</summary>
public static partial class Checks
{
    /// <summary>The length of <paramref name="text"/> in Unicode code points, as people count characters.</summary>
    public static int CodePoints(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text.Length; // the usual case, checked at vector speed: one code point a character
        }

        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    /// <summary>something@something.tld, with no spaces and one @.</summary>
    public static bool IsEmail(string text) => EmailShape().IsMatch(text);

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

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex TimestampShape();
}
