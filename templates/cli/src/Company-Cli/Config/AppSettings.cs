namespace Company.Cli.Config;

/// <summary>
/// The settings, lowest precedence first: these defaults, the settings file, environment variables
/// (<c>COMPANY_CLI_FORMAT=json</c>), then command-line options.
/// </summary>
public sealed class AppSettings
{
    public const string FileName = "company-cli.json";
    public const string EnvironmentPrefix = "COMPANY_CLI_";

    /// <summary>How <c>process</c> reports.</summary>
    public ReportFormat Format { get; set; } = ReportFormat.Table;

    /// <summary>Whether <c>process</c> reads hidden files and folders (names starting with a dot) inside folders.</summary>
    public bool IncludeHidden { get; set; }
}

public enum ReportFormat
{
    /// <summary>For people: columns like <c>wc</c>'s.</summary>
    Table,

    /// <summary>For scripts.</summary>
    Json,
}
