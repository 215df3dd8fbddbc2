using System.Text.Json;

namespace MyTemplates.Update;

/// <summary>One parameter of a template: its name, its <c>dotnet new</c> option name, and the values it accepts.</summary>
public sealed record TemplateOption(string Name, string CommandLineName, string DataType, IReadOnlyList<string> Choices, bool IsHidden)
{
    /// <summary>
    /// Whether <c>--set</c> may change it: not <c>skipRestore</c> (how a solution was created, not what it is),
    /// nor a hidden parameter (a value the tool passes back, such as the user-secrets id).
    /// </summary>
    public bool IsSettable => !IsHidden && Name != "skipRestore";

    /// <summary>The value as the template spells it (choices and booleans in any case), or null when it is not a value of this option.</summary>
    public string? Normalize(string value) => DataType switch
    {
        "choice" => Choices.FirstOrDefault(choice => choice.Equals(value, StringComparison.OrdinalIgnoreCase)),
        "bool" => bool.TryParse(value, out var flag) ? (flag ? "true" : "false") : null,
        _ => value,
    };

    public string Expected => DataType switch
    {
        "choice" => string.Join(", ", Choices),
        "bool" => "true or false",
        _ => "a text",
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
                options[symbol.Name] = new TemplateOption(symbol.Name, LongName(host, symbol.Name), dataType, choices, Hidden(host, symbol.Name));
            }
        }

        return options;
    }

    private static string LongName(JsonElement? host, string symbol) =>
        HostEntry(host, symbol) is { } entry && entry.TryGetProperty("longName", out var longName) && longName.GetString() is { Length: > 0 } name
            ? name
            : symbol;

    private static bool Hidden(JsonElement? host, string symbol) =>
        HostEntry(host, symbol) is { } entry && entry.TryGetProperty("isHidden", out var hidden) && hidden.ValueKind == JsonValueKind.True;

    private static JsonElement? HostEntry(JsonElement? host, string symbol) =>
        host is { } root && root.TryGetProperty("symbolInfo", out var info) && info.TryGetProperty(symbol, out var entry) ? entry : null;
}
