namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// Two versions of the pack in a local folder feed, as a release would leave them: this checkout as
/// <see cref="Old"/>, and a copy with deliberate changes to the web API template as <see cref="New"/>
/// (a changed line in a file users rarely touch, a changed line in the README, a new file, a removed file);
/// the update tool packed beside them and installed from the feed into a private tool folder.
/// </summary>
public sealed class UpdateFeed : IAsyncLifetime
{
    public const string Old = "1.0.0";
    public const string New = "1.1.0";

    /// <summary>The changed line in a file users rarely touch.</summary>
    public const string EditorConfigOld = "[*.{json,slnx,csproj,props,targets,xml,yml,yaml}]";
    public const string EditorConfigNew = "[*.{json,jsonc,slnx,csproj,props,targets,xml,yml,yaml}]";

    /// <summary>The changed line in the README, a file the tests also edit.</summary>
    public const string ReadmeOld = "The integration and end-to-end tests use real SQLite database files, one per test class, deleted afterwards.";
    public const string ReadmeNew = "The integration and end-to-end tests use real SQLite database files, one per test class, each deleted when its class is done.";

    public const string AddedFile = "docs/decisions/0001-layers.md";
    public const string RemovedFile = ".dockerignore";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory workspace = new("update");

    public string Feed => Path.Combine(workspace.Path, "feed");

    /// <summary>A folder whose nuget.config knows only the local feed: what an update there finds is what the feed has.</summary>
    public string Offline => Path.Combine(workspace.Path, "offline");

    public string Tool => Path.Combine(workspace.Path, "tool", "mytemplates");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        await PackTemplatesAsync(Old, _ => { });
        await PackTemplatesAsync(New, webapi =>
        {
            Replace(Path.Combine(webapi, ".editorconfig"), EditorConfigOld, EditorConfigNew);
            Replace(Path.Combine(webapi, "README.md"), ReadmeOld, ReadmeNew);
            Directory.CreateDirectory(Path.Combine(webapi, "docs", "decisions"));
            File.WriteAllText(Path.Combine(webapi, AddedFile), "# 1. Layers\n\nRoutes call services, services call repositories.\n");
            File.Delete(Path.Combine(webapi, RemovedFile));
        });

        await ProcessRunner.DotnetOkAsync(Repo.Root, Timeout, "pack", Repo.UpdateToolProject, "-c", "Release", "-o", Feed, $"-p:Version={New}");
        await ProcessRunner.DotnetOkAsync(workspace.Path, Timeout, "tool", "install", "MyTemplates.Update", "--version", New,
            "--add-source", Feed, "--tool-path", Path.GetDirectoryName(Tool)!);

        Directory.CreateDirectory(Offline);
        File.WriteAllText(Path.Combine(Offline, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    public string PackageOf(string version) => Path.Combine(Feed, $"MyTemplates.{version}.nupkg");

    public ValueTask DisposeAsync()
    {
        workspace.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Packs a copy of this checkout's pack project and templates (changed by <paramref name="change"/>) as <paramref name="version"/>.</summary>
    private async Task PackTemplatesAsync(string version, Action<string> change)
    {
        var copy = Path.Combine(workspace.Path, $"source-{version}");
        var files = await ProcessRunner.RunAsync("git",
            ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "templates", "src/MyTemplates", "src/Directory.Build.props",
             "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md", "LICENSE"],
            Repo.Root, Timeout);
        Assert.True(files.ExitCode == 0, files.ToString());
        foreach (var file in files.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(file => File.Exists(Path.Combine(Repo.Root, file))))
        {
            var target = Path.Combine(copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repo.Root, file), target);
        }

        change(Path.Combine(copy, "templates", "webapi"));
        await ProcessRunner.DotnetOkAsync(copy, Timeout, "pack", "src/MyTemplates", "-c", "Release", "-o", Feed, $"-p:Version={version}");
    }

    private static void Replace(string file, string oldLine, string newLine)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(oldLine, text);
        File.WriteAllText(file, text.Replace(oldLine, newLine, StringComparison.Ordinal));
    }
}
