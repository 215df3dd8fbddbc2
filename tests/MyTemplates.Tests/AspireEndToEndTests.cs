using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// <c>--aspire true</c> as a user meets it: the solution builds with warnings as errors and passes its own tests (in the
/// web API with a resource added by <c>myapp-resource</c>, which goes to the API, not the AppHost), then
/// <c>dotnet run</c> of the AppHost brings up the apps, whose logs reach the AppHost's dashboard, and SIGTERM to the
/// AppHost leaves no process behind, the orchestrator's included.
/// </summary>
public sealed class AspireEndToEndTests(TemplatePack pack)
{
    [Fact]
    public async Task The_web_apis_apphost_runs_the_api_on_postgres_and_stops_whole()
    {
        var scenario = Scenarios.Named("webapi-database-postgres-aspire-true");
        using var temp = new TempDirectory(scenario.Name);
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, scenario.Arguments));
        var api = solution.PathOf($"src/{scenario.ProjectName}");
        var appHost = solution.PathOf($"src/{scenario.ProjectName}.AppHost");

        var inAppHost = await pack.DotnetNewAsync(appHost, "myapp-resource", "-n", "Product");
        Assert.True(inAppHost.ExitCode != 0, $"myapp-resource ran in the AppHost's folder:\n{inAppHost}");
        Assert.Contains("MyTemplatesWebApi", inAppHost.Output);
        var appHostFiles = FilesIn(appHost);
        await AddedResource.AddAsync(pack, api, "Product", "dotnet tool restore && dotnet ef migrations add AddProducts --output-dir Db/Migrations");
        Assert.True(File.Exists(Path.Combine(api, "Api", "Routes", "ProductRoutes.cs")), "myapp-resource added no routes to the API.");
        Assert.Equal(appHostFiles, FilesIn(appHost));

        await BuildAndTestAsync(solution, scenario);

        var database = $"aspire_{Guid.NewGuid():N}";
        await Postgres.PsqlAsync($"CREATE DATABASE {database}");
        try
        {
            // The connection string resource, pointed at a server through the environment as the README says.
            await using var run = await AppHostRun.StartAsync(solution.Root, appHost,
                new Dictionary<string, string?> { ["ConnectionStrings__Default"] = Postgres.ForDatabase(database) });
            await run.Dashboard.WaitForLogAsync("contoso-shop", "Application started", TimeSpan.FromMinutes(3));
            Assert.NotEmpty(await Postgres.PsqlAsync("SELECT 1 FROM information_schema.tables WHERE table_name = 'products'", database));

            await run.StopAsync();
        }
        finally
        {
            await Postgres.PsqlAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task The_workspaces_apphost_runs_the_api_and_the_workers_and_stops_whole()
    {
        var scenario = Scenarios.Named("workspace-aspire-true");
        using var temp = new TempDirectory(scenario.Name);
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, [.. scenario.Arguments, "--no-restore"]));

        await BuildAndTestAsync(solution, scenario);

        // SQLite: the one file at the workspace's root that the AppHost gives the API and both workers.
        await using var run = await AppHostRun.StartAsync(solution.Root, solution.PathOf($"{scenario.ProjectName}.AppHost"), new Dictionary<string, string?>());
        await run.Dashboard.WaitForLogAsync("contoso-platform-api", "Application started", TimeSpan.FromMinutes(3));
        await run.Dashboard.WaitForLogAsync("contoso-platform-worker", "Application started", TimeSpan.FromMinutes(3), instances: 2);
        Assert.True(File.Exists(solution.PathOf("app.db")), "The AppHost's apps made no app.db at the workspace's root.");

        await run.StopAsync();
    }

    /// <summary>The files under <paramref name="folder"/> with their contents, restore's obj/ left out.</summary>
    private static SortedDictionary<string, string> FilesIn(string folder) =>
        new(GeneratedTree.Files(folder).Where(file => !file.StartsWith("obj/", StringComparison.Ordinal))
            .ToDictionary(file => file, file => File.ReadAllText(Path.Combine(folder, file))), StringComparer.Ordinal);

    /// <summary>What VariantTests do for a variant: build with warnings as errors, formatting, its own tests, static checks.</summary>
    private static async Task BuildAndTestAsync(GeneratedSolution solution, Scenario scenario)
    {
        await solution.BuildAsync();
        await solution.VerifyFormattingAsync();
        await solution.TestAsync();
        await StaticChecks.CheckAsync(solution, scenario.ProjectName);
    }
}
