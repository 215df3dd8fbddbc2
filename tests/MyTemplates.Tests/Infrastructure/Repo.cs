namespace MyTemplates.Tests.Infrastructure;

/// <summary>Paths in this checkout.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "templates");

    public static string PackProject => Path.Combine(Root, "src", "MyTemplates", "MyTemplates.csproj");

    public static string UpdateToolProject => Path.Combine(Root, "src", "MyTemplates.Update", "MyTemplates.Update.csproj");

    /// <summary>The version of both packages, from the one place it is set.</summary>
    public static string Version =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Root, "src", "Directory.Build.props")).Descendants("Version").Single().Value;

    public static string Snapshots => Path.Combine(Root, "tests", "MyTemplates.Tests", "Snapshots");

    public static string TemplateDir(string template) => Path.Combine(Templates, template);

    public static IEnumerable<string> TemplateNames =>
        Directory.GetDirectories(Templates).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MyTemplates.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No MyTemplates.sln above {AppContext.BaseDirectory}.");
    }
}
