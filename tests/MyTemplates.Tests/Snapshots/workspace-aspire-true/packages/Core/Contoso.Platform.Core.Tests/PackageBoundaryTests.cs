using System.Xml.Linq;

namespace Contoso.Platform.Core.Tests;

/// <summary>
/// The workspace's rule, read from the project files: a project under <c>packages/X/</c> references
/// projects of its own package, of Core and of Hosting only, so Api and Worker depend on Core and Hosting
/// and never on each other; Core and Hosting depend on nothing of the workspace (nor on each other).
/// </summary>
public sealed class PackageBoundaryTests
{
    private const string Core = "Core";
    private const string Hosting = "Hosting";

    public static TheoryData<string> Projects => [.. ProjectFiles()];

    [Fact]
    public void Every_package_has_projects() =>
        Assert.All(new[] { Core, Hosting, "Api", "Worker" }, package => Assert.Contains(ProjectFiles(), project => PackageOf(project) == package));

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_its_own_package_core_and_hosting_only(string project)
    {
        var package = PackageOf(project);
        var path = Path.Combine(PackagesFolder, project);
        var allowed = package is Core or Hosting ? new[] { package } : [package, Core, Hosting];

        var references = XDocument.Load(path).Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => Path.GetRelativePath(PackagesFolder, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, element.Attribute("Include")!.Value))))
            .ToList();

        var outside = references.Where(reference => !allowed.Contains(PackageOf(reference))).ToList();
        Assert.True(outside.Count == 0,
            $"packages/{project} references {string.Join(", ", outside)}: a project of {package} may reference {string.Join(" and ", allowed)} only.");
    }

    private static IEnumerable<string> ProjectFiles() =>
        Directory.GetFiles(PackagesFolder, "*.csproj", SearchOption.AllDirectories)
            .Select(project => Path.GetRelativePath(PackagesFolder, project).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string PackageOf(string relativePath) => relativePath.Replace('\\', '/').Split('/')[0];

    private static string PackagesFolder { get; } = FindPackagesFolder();

    private static string FindPackagesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.slnx").Length > 0 && Directory.Exists(Path.Combine(dir.FullName, "packages")))
            {
                return Path.Combine(dir.FullName, "packages");
            }
        }

        throw new InvalidOperationException($"No workspace (a folder with a .slnx and packages/) above {AppContext.BaseDirectory}.");
    }
}
