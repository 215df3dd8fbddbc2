using System.Text;

namespace Contoso.Etl.TestSupport;

/// <summary>Builds CSV input: a header and rows, valid unless a test says otherwise.</summary>
public sealed class UserCsv
{
    private readonly List<string[]> rows = [];
    private string[] header = ["id", "email", "name", "created_at"];

    public UserCsv WithHeader(params string[] columns)
    {
        header = columns;
        return this;
    }

    public UserCsv Row(params string[] fields)
    {
        rows.Add(fields);
        return this;
    }

    public UserCsv ValidRows(int count, string idPrefix = "u")
    {
        for (var i = 0; i < count; i++)
        {
            rows.Add([$"{idPrefix}{i:D6}", $"user{i}@example.com", $"User {i}", "2024-01-01T00:00:00Z"]);
        }

        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder(Line(header));
        foreach (var row in rows)
        {
            text.Append(Line(row));
        }

        return text.ToString();
    }

    // Quoted here rather than with the app's CSV library, so that tests of its reading and writing check it against something else.
    private static string Line(IEnumerable<string> fields) =>
        string.Join(',', fields.Select(field => field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field)) + "\n";

    public string WriteTo(string directory, string fileName = "users.csv")
    {
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, ToString());
        return path;
    }
}
