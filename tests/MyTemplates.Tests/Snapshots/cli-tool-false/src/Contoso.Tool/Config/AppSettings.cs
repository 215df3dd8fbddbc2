namespace Contoso.Tool.Config;

/// <summary>
/// The settings, lowest precedence first: these defaults, the settings file, environment variables
/// (<c>CONTOSO_TOOL_FORMAT=json</c>), then command-line options.
/// </summary>
public sealed record AppSettings
{
    public const string FileName = "contoso-tool.json";
    public const string EnvironmentPrefix = "CONTOSO_TOOL_";

    /// <summary>Every setting by its name in the settings file (any case): the values it takes, and how its text is read.</summary>
    /// <remarks>A new setting is a property above and a line here, and a line with its default in <c>init</c>'s file.</remarks>
    public static IReadOnlyDictionary<string, Setting> Settings { get; } = new Dictionary<string, Setting>(StringComparer.OrdinalIgnoreCase)
    {
        ["format"] = new("table, json", (settings, text) => text.ToLowerInvariant() switch
        {
            "table" => settings with { Format = ReportFormat.Table },
            "json" => settings with { Format = ReportFormat.Json },
            _ => null,
        }),
        ["includeHidden"] = new("true, false", (settings, text) =>
            bool.TryParse(text, out var includeHidden) ? settings with { IncludeHidden = includeHidden } : null),
    };

    /// <summary>How <c>process</c> reports.</summary>
    public ReportFormat Format { get; init; } = ReportFormat.Table;

    /// <summary>Whether <c>process</c> reads hidden files and folders (names starting with a dot) inside folders.</summary>
    public bool IncludeHidden { get; init; }
}

/// <summary>One setting: its valid values as a message names them, and a function that returns the settings with its text applied, or null if the text is not valid.</summary>
public sealed record Setting(string ValidValues, Func<AppSettings, string, AppSettings?> Apply);

public enum ReportFormat
{
    /// <summary>For people: columns like <c>wc</c>'s.</summary>
    Table,

    /// <summary>For scripts.</summary>
    Json,
}
