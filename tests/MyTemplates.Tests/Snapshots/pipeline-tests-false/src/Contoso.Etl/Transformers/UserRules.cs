using Contoso.Etl.Models;

namespace Contoso.Etl.Transformers;

/// <summary>
/// The users' cleaning rules: <c>id</c> trimmed, 1–64 characters; <c>email</c> trimmed, lower-cased,
/// something@something.tld, at most 255 characters; <c>name</c> trimmed, 1–100 characters;
/// <c>created_at</c> an ISO 8601 date-time with <c>Z</c> or an offset, stored in UTC.
/// Characters are Unicode code points.
/// </summary>
public sealed class UserRules : IRowRules<User>
{
    public IReadOnlyList<string> Columns { get; } = ["id", "email", "name", "created_at"];

    public RowResult<User> Clean(SourceRow row)
    {
        var id = row["id"].Trim();
        var idLength = Checks.CodePoints(id);
        if (idLength is < 1 or > 64)
        {
            return new Rejection(idLength == 0 ? "id is empty" : "id is longer than 64 characters");
        }

        var email = row["email"].Trim().ToLowerInvariant();
        if (Checks.CodePoints(email) > 255)
        {
            return new Rejection("email is longer than 255 characters");
        }

        if (!Checks.IsEmail(email))
        {
            return new Rejection("email is not an e-mail address");
        }

        var name = row["name"].Trim();
        var nameLength = Checks.CodePoints(name);
        if (nameLength is < 1 or > 100)
        {
            return new Rejection(nameLength == 0 ? "name is empty" : "name is longer than 100 characters");
        }

        if (!Checks.TryParseTimestamp(row["created_at"].AsSpan().Trim(), out var createdAt))
        {
            return new Rejection("created_at is not an ISO 8601 date-time with Z or an offset");
        }

        return new User(id, email, name, createdAt);
    }
}
