using System.IO.Compression;
using System.Text.Json;

namespace MyTemplates.Update;

/// <summary>
/// A private template cache (<c>dotnet new --debug:custom-hive</c>) in a temporary folder, holding one version of
/// the template package, never the user's own cache.
/// </summary>
public sealed class TemplateCache : IDisposable
{
    private readonly string folder;

    private TemplateCache(string folder, string version, string packagePath)
    {
        this.folder = folder;
        Version = version;
        PackagePath = packagePath;
    }

    public string Version { get; }

    private string Hive => Path.Combine(folder, "hive");

    private string PackagePath { get; }

    /// <summary>Installs <paramref name="package"/> (its newest version when <paramref name="version"/> is null) from the feeds.</summary>
    public static async Task<TemplateCache> InstallAsync(string package, string? version, IReadOnlyList<string> sources, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("mytemplates-update-").FullName;
        var hive = Path.Combine(folder, "hive");
        var arguments = new List<string> { "new", "install", version is null ? package : $"{package}@{version}" };
        foreach (var source in sources)
        {
            arguments.AddRange(["--add-source", Directory.Exists(source) ? Path.GetFullPath(source) : source]);
        }

        arguments.AddRange(["--debug:custom-hive", hive, "--debug:disable-sdk-templates"]);
        var result = await Processes.RunAsync("dotnet", arguments, workingDirectory, cancellationToken);
        var installed = Directory.Exists(Path.Combine(hive, "packages"))
            ? Directory.GetFiles(Path.Combine(hive, "packages"), "*.nupkg")
            : [];
        if (result.ExitCode != 0 || installed.Length != 1)
        {
            Directory.Delete(folder, recursive: true);
            var wanted = version is null ? package : $"{package} {version}";
            var feeds = sources.Count == 0 ? "the configured NuGet feeds" : $"the configured NuGet feeds and {string.Join(", ", sources)}";
            var message = $"cannot get {wanted} from {feeds}:\n{(result.Output + result.Error).Trim()}";
            throw (result.Output + result.Error).Contains("is not found in NuGet feeds", StringComparison.Ordinal)
                ? new UsageException(message)
                : new UpdateException(message);
        }

        var installedVersion = Path.GetFileNameWithoutExtension(installed[0])[(package.Length + 1)..];
        return new TemplateCache(folder, installedVersion, installed[0]);
    }

    /// <summary>The options the template with <paramref name="identity"/> declares in this version.</summary>
    public IReadOnlyDictionary<string, TemplateOption> Options(string identity)
    {
        using var package = ZipFile.OpenRead(PackagePath);
        var documentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var entry in package.Entries.Where(entry => entry.FullName.EndsWith("/.template.config/template.json", StringComparison.Ordinal)))
        {
            using var template = JsonDocument.Parse(entry.Open(), documentOptions);
            if (template.RootElement.TryGetProperty("identity", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == identity)
            {
                var host = package.GetEntry(entry.FullName.Replace("template.json", "dotnetcli.host.json", StringComparison.Ordinal));
                using var hostFile = host is null ? null : JsonDocument.Parse(host.Open(), documentOptions);
                return TemplateOption.Read(template.RootElement, hostFile?.RootElement);
            }
        }

        throw new UsageException($"the package {Path.GetFileName(PackagePath)} has no template {identity} any more.");
    }

    /// <summary>Creates the template into <paramref name="output"/> with the given option values (by option name).</summary>
    public async Task InstantiateAsync(string shortName, string name, string output, IReadOnlyDictionary<string, TemplateOption> options,
        IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "new", shortName, "-n", name, "-o", output };
        foreach (var (option, value) in values)
        {
            arguments.AddRange([$"--{options[option].CommandLineName}", value]);
        }

        arguments.AddRange(["--no-update-check", "--debug:custom-hive", Hive, "--debug:disable-sdk-templates"]);
        var result = await Processes.RunAsync("dotnet", arguments, folder, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new UpdateException($"dotnet new {shortName} {Version} failed:\n{(result.Output + result.Error).Trim()}");
        }
    }

    /// <summary>A new empty folder inside the cache's temporary folder.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(folder, name)).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
