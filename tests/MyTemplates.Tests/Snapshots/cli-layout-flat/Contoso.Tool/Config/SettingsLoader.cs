using Contoso.Tool.Cli;
using Contoso.Tool.Core;
using Microsoft.Extensions.Configuration;

namespace Contoso.Tool.Config;

public static class SettingsLoader
{
    /// <summary>
    /// Reads the settings file (<paramref name="configFile"/> from --config, else contoso-tool.json in
    /// the current folder, else in the user's config folder) and then the environment variables.
    /// An invalid setting stops the command, naming the file and the key.
    /// </summary>
    public static AppSettings Load(string? configFile, IConsoleEnvironment console)
    {
        var file = FindFile(configFile, console.CurrentDirectory);
        var builder = new ConfigurationBuilder();
        if (file is not null)
        {
            builder.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        builder.Add(console.EnvironmentVariables(AppSettings.EnvironmentPrefix));
        var settings = new AppSettings();
        try
        {
            builder.Build().Bind(settings, options => options.ErrorOnUnknownConfiguration = true);
            return settings;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            var sources = $"{file ?? "no settings file"}, {AppSettings.EnvironmentPrefix}* environment variables";
            throw new CliException($"Invalid settings ({sources}): {exception.Message}", exception);
        }
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
