namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// One <c>myapp-workspace</c> scenario, generated (with the template's own restore), with a resource
/// added by <c>myapp-resource</c>, built with warnings as errors and its API and worker published once
/// (framework-dependent, without ReadyToRun to save the tests minutes) for all the checks of its test class.
/// </summary>
public abstract class PublishedWorkspace(TemplatePack pack, string scenarioName) : IAsyncLifetime
{
    private readonly TempDirectory temp = new(scenarioName);

    public Scenario Scenario { get; } = Scenarios.Named(scenarioName);

    public GeneratedSolution Solution { get; private set; } = null!;

    public string TempPath => temp.Path;

    public string ApiFolder => Path.Combine(temp.Path, "publish", "api");

    public string WorkerFolder => Path.Combine(temp.Path, "publish", "worker");

    public bool UsesPostgres => Scenario.Arguments.Contains("postgres");

    public async ValueTask InitializeAsync()
    {
        Solution = new GeneratedSolution(await pack.InstantiateAsync(temp, Scenario.Template, Scenario.ProjectName, Scenario.Arguments));

        // A resource added as a user adds it, in the API's folder: its model, service and repository go to Core.
        await AddedResource.AddAsync(pack, Solution.PathOf($"packages/Api/{Scenario.ProjectName}.Api"), "Product",
            $"dotnet tool restore && dotnet ef migrations add AddProducts --project ../../Core/{Scenario.ProjectName}.Core --output-dir Db/Migrations");
        await Solution.BuildAsync();
        foreach (var (app, folder) in new[] { ("Api", ApiFolder), ("Worker", WorkerFolder) })
        {
            var project = Solution.PathOf($"packages/{app}/{Scenario.ProjectName}.{app}/{Scenario.ProjectName}.{app}.csproj");
            await ProcessRunner.DotnetOkAsync(Solution.Root, TimeSpan.FromMinutes(10),
                "publish", project, "-c", "Release", "-o", folder, "-p:PublishReadyToRun=false");
        }
    }

    /// <summary>Starts the published API as a deployment does: <c>dotnet App.dll</c> in its publish folder, in Production.</summary>
    public RunningApp StartApi(int port, IReadOnlyDictionary<string, string?> settings) =>
        RunningApp.Start("dotnet", [$"{Scenario.ProjectName}.Api.dll", "--urls", $"http://127.0.0.1:{port}"], ApiFolder,
            new Dictionary<string, string?>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Production" });

    /// <summary>Starts one published worker process in its publish folder, in Production.</summary>
    public RunningApp StartWorker(IReadOnlyDictionary<string, string?> settings) =>
        RunningApp.Start("dotnet", [$"{Scenario.ProjectName}.Worker.dll"], WorkerFolder,
            new Dictionary<string, string?>(settings) { ["DOTNET_ENVIRONMENT"] = "Production" });

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class SqliteWorkspace(TemplatePack pack) : PublishedWorkspace(pack, "workspace-default");

public sealed class PostgresWorkspace(TemplatePack pack) : PublishedWorkspace(pack, "workspace-database-postgres");
