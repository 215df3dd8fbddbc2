using Contoso.Tool.Config;
using Contoso.Tool.Core;

namespace Contoso.Tool.Services;

/// <summary>Writes the settings file that <c>init</c> creates: every setting at its default, with a comment saying what it does.</summary>
public static class SettingsFileWriter
{
    public const string Content = """
        {
          // How `process` reports: "table" for people, "json" for scripts.
          // The --format option overrides it; so does the CONTOSO_TOOL_FORMAT environment variable.
          "format": "table",

          // Whether `process` reads hidden files and folders (names starting with a dot) inside folders.
          "includeHidden": false
        }

        """;

    /// <returns>The path of the file written.</returns>
    /// <exception cref="CliException">The file exists and <paramref name="force"/> is false.</exception>
    public static async Task<string> WriteAsync(string directory, bool force, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, AppSettings.FileName);
        if (File.Exists(path) && !force)
        {
            throw new CliException($"'{path}' already exists and was kept; use --force to overwrite it.");
        }

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, Content, cancellationToken);
        return path;
    }
}
