using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Contoso.Tool.Config;

/// <summary>
/// The settings, lowest precedence first: these defaults, the settings file, environment variables
/// (<c>CONTOSO_TOOL_FORMAT=json</c>), then command-line options.
/// </summary>
public sealed class AppSettings
{
    public const string FileName = "contoso-tool.json";
    public const string EnvironmentPrefix = "CONTOSO_TOOL_";

    /// <summary>How <c>process</c> reports: <c>table</c> for people, <c>json</c> for scripts.</summary>
    [Required]
    [AllowedValues("table", "json")]
    public string Format { get; set; } = "table";

    /// <summary>Whether <c>process</c> reads hidden files and folders (names starting with a dot) inside folders.</summary>
    public bool IncludeHidden { get; set; }
}

/// <summary>Validates <see cref="AppSettings"/> with code generated at build time: no reflection, so trimming-safe.</summary>
[OptionsValidator]
public sealed partial class AppSettingsValidator : IValidateOptions<AppSettings>;
