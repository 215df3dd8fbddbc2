using System.IO.Compression;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(MyTemplates.Tests.Infrastructure.TemplatePack))]

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// What ships: the pack project packed once per run into a .nupkg, installed into an isolated
/// template cache (never the user's), from which every test instantiates.
/// </summary>
public sealed partial class TemplatePack : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly TempDirectory workspace = new("pack");
    private readonly SemaphoreSlim instantiateGate = new(1, 1);

    public string PackagePath { get; private set; } = "";

    public string Hive => Path.Combine(workspace.Path, "hive");

    public ProcessResult PackResult { get; private set; } = null!;

    public ProcessResult InstallResult { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var output = Path.Combine(workspace.Path, "nupkg");
        PackResult = await ProcessRunner.RunAsync("dotnet", ["pack", Repo.PackProject, "-o", output, "-c", "Release"],
            Repo.Root, Timeout);
        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException(PackResult.ToString());
        }

        PackagePath = Directory.GetFiles(output, "MyTemplates.*.nupkg").Single();
        InstallResult = await ProcessRunner.RunAsync("dotnet",
            ["new", "install", PackagePath, "--debug:custom-hive", Hive, "--debug:disable-sdk-templates"],
            workspace.Path, Timeout);
    }

    public IReadOnlyList<string> PackageEntries()
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        return [.. zip.Entries.Select(entry => entry.FullName)];
    }

    public string ReadPackageEntry(string name)
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Runs <c>dotnet new</c> against the isolated cache.</summary>
    public Task<ProcessResult> DotnetNewAsync(string workingDirectory, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet",
            ["new", .. arguments, "--debug:custom-hive", Hive, "--debug:disable-sdk-templates"],
            workingDirectory, Timeout, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Creates <paramref name="template"/> named <paramref name="name"/> in a new folder and returns that folder.</summary>
    public async Task<string> InstantiateAsync(TempDirectory into, string template, string name, params string[] arguments)
    {
        var output = Path.Combine(into.Path, "out");
        await instantiateGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            var result = await DotnetNewAsync(into.Path, [template, "-n", name, "-o", output, .. arguments]);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotMatch(WarningOrError(), result.Output);
            return output;
        }
        finally
        {
            instantiateGate.Release();
        }
    }

    /// <summary>
    /// Creates an item scenario's host solution (restored: the item template needs its project evaluated), runs the
    /// item template in its folder and returns a folder holding only the files the item template added, at their
    /// paths in the solution.
    /// </summary>
    public async Task<string> AddItemAsync(TempDirectory into, Scenario scenario)
    {
        var host = scenario.Host!;
        var solution = await InstantiateAsync(into, host.Template, host.ProjectName, [.. host.Arguments, "--no-restore"]);
        var folder = Path.Combine(solution, scenario.Folder);
        await ProcessRunner.DotnetOkAsync(folder, Timeout, "restore");
        var before = GeneratedTree.Files(solution).ToHashSet();

        var result = await DotnetNewAsync(folder, [scenario.Template, "-n", scenario.ProjectName, .. scenario.Arguments]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(WarningOrError(), result.Output);

        var added = Path.Combine(into.Path, "added");
        foreach (var file in GeneratedTree.Files(solution).Where(file => !before.Contains(file) && !IsBuildOutput(file)))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(added, file))!);
            File.Copy(Path.Combine(solution, file), Path.Combine(added, file));
        }

        return added;
    }

    private static bool IsBuildOutput(string file) => file.Split('/').Any(segment => segment is "bin" or "obj");

    public ValueTask DisposeAsync()
    {
        workspace.Dispose();
        instantiateGate.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"(?im)^.*\b(warning|error)\b.*$")]
    public static partial Regex WarningOrError();
}
