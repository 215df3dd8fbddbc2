using Contoso.Tool.Cli;
using Contoso.Tool.Core;
using Microsoft.Extensions.Configuration;

namespace Contoso.Tool.Config;

public static class SettingsLoader
{
    /// <summary>
    /// Reads the settings file (<paramref name="configFile"/> from --config, else contoso-tool.json in
    /// the current folder, else in the user's config folder) and then the environment variables.
    /// An invalid setting stops the command with a message that names it, where it came from, and its valid values.
    /// </summary>
    public static AppSettings Load(string? configFile, IConsoleEnvironment console)
    {
        var settings = new AppSettings();
        if (FindFile(configFile, console.CurrentDirectory) is { } file)
        {
            IConfiguration json;
            try
            {
                json = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
            }
            catch (Exception exception) when (exception is InvalidDataException or FormatException)
            {
                throw new CliException($"The settings file '{file}' is not valid: {exception.GetBaseException().Message}", exception);
            }

            settings = Apply(settings, json, key => $"'{key}'", $"in {file}");
        }

        var environment = new ConfigurationBuilder().Add(console.EnvironmentVariables(AppSettings.EnvironmentPrefix)).Build();
        return Apply(settings, environment, key => $"{AppSettings.EnvironmentPrefix}{key.ToUpperInvariant()}", "(environment variable)");
    }

    /// <summary>Applies each setting one source gives; a message names a setting as that source spells it (<paramref name="name"/>) and says <paramref name="where"/>.</summary>
    private static AppSettings Apply(AppSettings settings, IConfiguration source, Func<string, string> name, string where)
    {
        foreach (var section in source.GetChildren())
        {
            if (!AppSettings.Settings.TryGetValue(section.Key, out var setting))
            {
                var known = string.Join(", ", AppSettings.Settings.Keys.Select(name));
                throw new CliException($"Unknown setting {name(section.Key)} {where}; the settings are {known}.");
            }

            var value = section.Value is null ? "not a single value" : $"'{section.Value}'";
            settings = (section.Value is null ? null : setting.Apply(settings, section.Value))
                ?? throw new CliException($"Invalid setting {name(section.Key)} {where}: {value}; valid values: {setting.ValidValues}.");
        }

        return settings;
    }

    private static string? FindFile(string? configFile, string currentDirectory)
    {
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile, currentDirectory);
            return File.Exists(path) ? path : throw new CliException($"The settings file '{path}' does not exist.");
        }

        string[] candidates =
        [
            Path.Combine(currentDirectory, AppSettings.FileName),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "contoso-tool", AppSettings.FileName),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }
}
