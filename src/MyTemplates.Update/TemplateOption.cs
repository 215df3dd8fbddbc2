using System.Text.Json;

namespace MyTemplates.Update;

/// <summary>One parameter of a template: its name, its <c>dotnet new</c> option name, and the values it accepts.</summary>
public sealed record TemplateOption(string Name, string CommandLineName, string DataType, IReadOnlyList<string> Choices)
{
    /// <summary>Parameters the solution does not record: how it was created, not what it is.</summary>
    public static readonly IReadOnlySet<string> NotRecorded = new HashSet<string>(StringComparer.Ordinal) { "skipRestore" };

    /// <summary>Why <paramref name="value"/> is not a value of this option, or null when it is.</summary>
    public string? Problem(string value) => DataType switch
    {
        "choice" when !Choices.Contains(value, StringComparer.Ordinal) => $"'{value}' is not a value of {Name}: use {string.Join(", ", Choices)}.",
        "bool" when value is not ("true" or "false") => $"'{value}' is not a value of {Name}: use true or false.",
        _ => null,
    };

    public static IReadOnlyDictionary<string, TemplateOption> Read(JsonElement template, JsonElement? host)
    {
        var options = new Dictionary<string, TemplateOption>(StringComparer.Ordinal);
        foreach (var symbol in template.GetProperty("symbols").EnumerateObject())
        {
            if (symbol.Value.TryGetProperty("type", out var type) && type.GetString() == "parameter")
            {
                var dataType = symbol.Value.TryGetProperty("datatype", out var data) ? data.GetString() ?? "string" : "string";
                var choices = symbol.Value.TryGetProperty("choices", out var list)
                    ? list.EnumerateArray().Select(choice => choice.GetProperty("choice").GetString()!).ToList()
                    : [];
                options[symbol.Name] = new TemplateOption(symbol.Name, LongName(host, symbol.Name), dataType, choices);
            }
        }

        return options;
    }

    private static string LongName(JsonElement? host, string symbol) =>
        host is { } root && root.TryGetProperty("symbolInfo", out var info) && info.TryGetProperty(symbol, out var entry)
            && entry.TryGetProperty("longName", out var longName) && longName.GetString() is { Length: > 0 } name
            ? name
            : symbol;
}
