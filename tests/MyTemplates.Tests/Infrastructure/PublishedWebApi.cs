namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// One <c>myapp-webapi</c> scenario, generated (with the template's own restore), built with warnings
/// as errors and published once for all the checks of its test class.
/// </summary>
public abstract class PublishedWebApi(TemplatePack pack, string scenarioName) : IAsyncLifetime
{
    private readonly TempDirectory temp = new(scenarioName);

    public Scenario Scenario { get; } = Scenarios.Named(scenarioName);

    public GeneratedSolution Solution { get; private set; } = null!;

    /// <summary>The web project file.</summary>
    public string Project { get; private set; } = "";

    /// <summary>The publish folder: the content root a deployment starts the app in.</summary>
    public string Published => Path.Combine(temp.Path, "publish");

    public string TempPath => temp.Path;

    public string AppDll => $"{Scenario.ProjectName}.dll";

    /// <summary>
    /// The resources added with <c>dotnet new myapp-resource</c> before the build, by name with the plural their
    /// migration is named after, each migrated with the command it printed.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> AddedResources { get; } =
        new Dictionary<string, string> { ["Product"] = "Products", ["Category"] = "Categories" };

    public async ValueTask InitializeAsync()
    {
        Solution = new GeneratedSolution(await pack.InstantiateAsync(temp, Scenario.Template, Scenario.ProjectName, Scenario.Arguments));
        Project = Directory.GetFiles(Solution.Root, $"{Scenario.ProjectName}.csproj", SearchOption.AllDirectories).Single();
        foreach (var (resource, plural) in AddedResources)
        {
            await AddedResource.AddAsync(pack, Path.GetDirectoryName(Project)!, resource,
                $"dotnet tool restore && dotnet ef migrations add Add{plural} --output-dir Db/Migrations");
        }

        await Solution.BuildAsync();
        await ProcessRunner.DotnetOkAsync(Solution.Root, TimeSpan.FromMinutes(10), "publish", Project, "-c", "Release", "-o", Published);
    }

    /// <summary>Starts the published app as a deployment does: <c>dotnet App.dll</c> in the publish folder, in Production.</summary>
    public RunningApp Start(int port, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        return RunningApp.Start("dotnet", [AppDll, "--urls", $"http://127.0.0.1:{port}"], Published, environment);
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class DefaultWebApi(TemplatePack pack) : PublishedWebApi(pack, "webapi-default");

public sealed class PostgresWebApi(TemplatePack pack) : PublishedWebApi(pack, "webapi-database-postgres");

public sealed class JwtWebApi(TemplatePack pack) : PublishedWebApi(pack, "webapi-auth-jwt");

/// <summary>The flat layout, where a multi-word resource is added too (its route, table and migration are hyphenated or joined).</summary>
public sealed class FlatWebApi(TemplatePack pack) : PublishedWebApi(pack, "webapi-layout-flat")
{
    public override IReadOnlyDictionary<string, string> AddedResources { get; } =
        new Dictionary<string, string> { ["Product"] = "Products", ["Category"] = "Categories", ["OrderLine"] = "OrderLines" };
}
