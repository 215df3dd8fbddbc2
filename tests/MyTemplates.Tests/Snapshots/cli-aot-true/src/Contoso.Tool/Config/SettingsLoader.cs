using Contoso.Tool.Core;
using Microsoft.Extensions.Configuration;

namespace Contoso.Tool.Config;

public static class SettingsLoader
{
    /// <summary>
    /// The settings file to read: <paramref name="explicitPath"/> (from <c>--config</c>), else
    /// contoso-tool.json in the current folder, else in the user's config folder; null when there is none.
    /// </summary>
    public static string? FindFile(string? explicitPath, string currentDirectory)
    {
        if (explicitPath is not null)
        {
            var path = Path.GetFullPath(explicitPath, currentDirectory);
            return File.Exists(path) ? path : throw new CliException($"The settings file '{path}' does not exist.");
        }

        string[] candidates =
        [
            Path.Combine(currentDirectory, AppSettings.FileName),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "contoso-tool", AppSettings.FileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Reads and validates the settings; an invalid one stops the command naming the file and the key.</summary>
    public static AppSettings Load(string? file, IReadOnlyDictionary<string, string?> environment, Action<AppSettings>? overrides = null)
    {
        var source = file ?? $"the {AppSettings.EnvironmentPrefix}* environment variables";
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        // The same mapping as the environment-variable provider: CONTOSO_TOOL_SECTION__KEY → Section:Key.
        builder.AddInMemoryCollection(environment
            .Where(variable => variable.Key.StartsWith(AppSettings.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(variable => KeyValuePair.Create(
                variable.Key[AppSettings.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal),
                variable.Value)));

        var settings = new AppSettings();
        try
        {
            builder.Build().Bind(settings, options => options.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new CliException($"Invalid settings in {source}: {exception.Message}", ExitCodes.Failure, exception);
        }

        overrides?.Invoke(settings);
        var result = new AppSettingsValidator().Validate(null, settings);
        return result.Failed
            ? throw new CliException($"Invalid settings in {source}: {result.FailureMessage}")
            : settings;
    }
}
