namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A template with arguments; its name is its snapshot folder. An item template's scenario runs in the
/// <see cref="Folder"/> of a solution its <see cref="Host"/> scenario creates, and its snapshot holds only the files it adds.
/// </summary>
public sealed record Scenario(string Name, string Template, string ProjectName, params string[] Arguments)
{
    public Scenario? Host { get; init; }

    /// <summary>Where in the host's solution the item template runs: the web or app project's folder.</summary>
    public string Folder { get; init; } = "";

    public override string ToString() => Name;
}

public static class Scenarios
{
    public const string WebApiName = "Contoso.Shop";
    public const string CliName = "Contoso.Tool";
    public const string PipelineName = "Contoso.Etl";
    public const string WorkspaceName = "Contoso.Platform";

    /// <summary>Every template's default and every non-default value of every option (plus chosen combinations).</summary>
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("webapi-default", "myapp-webapi", WebApiName),
        new("webapi-database-postgres", "myapp-webapi", WebApiName, "--database", "postgres"),
        new("webapi-auth-jwt", "myapp-webapi", WebApiName, "--auth", "jwt"),
        new("webapi-database-postgres-auth-jwt", "myapp-webapi", WebApiName, "--database", "postgres", "--auth", "jwt"),
        new("webapi-layout-flat", "myapp-webapi", WebApiName, "--layout", "flat"),
        new("webapi-tests-false", "myapp-webapi", WebApiName, "--tests", "false"),
        new("webapi-docker-false", "myapp-webapi", WebApiName, "--docker", "false"),
        new("webapi-openapi-false", "myapp-webapi", WebApiName, "--openapi", "false"),
        new("webapi-ci-none", "myapp-webapi", WebApiName, "--ci", "none"),
        new("webapi-aspire-true", "myapp-webapi", WebApiName, "--aspire", "true"),
        new("webapi-database-postgres-aspire-true", "myapp-webapi", WebApiName, "--database", "postgres", "--aspire", "true"),
        new("webapi-layout-flat-aspire-true", "myapp-webapi", WebApiName, "--layout", "flat", "--aspire", "true"),

        new("cli-default", "myapp-cli", CliName),
        new("cli-aot-true", "myapp-cli", CliName, "--aot", "true"),
        new("cli-tool-false", "myapp-cli", CliName, "--tool", "false"),
        new("cli-layout-flat", "myapp-cli", CliName, "--layout", "flat"),
        new("cli-tests-false", "myapp-cli", CliName, "--tests", "false"),
        new("cli-ci-none", "myapp-cli", CliName, "--ci", "none"),

        new("pipeline-default", "myapp-pipeline", PipelineName),
        new("pipeline-database-postgres", "myapp-pipeline", PipelineName, "--database", "postgres"),
        new("pipeline-layout-flat", "myapp-pipeline", PipelineName, "--layout", "flat"),
        new("pipeline-tests-false", "myapp-pipeline", PipelineName, "--tests", "false"),
        new("pipeline-docker-false", "myapp-pipeline", PipelineName, "--docker", "false"),
        new("pipeline-ci-none", "myapp-pipeline", PipelineName, "--ci", "none"),

        new("workspace-default", "myapp-workspace", WorkspaceName),
        new("workspace-database-postgres", "myapp-workspace", WorkspaceName, "--database", "postgres"),
        new("workspace-docker-false", "myapp-workspace", WorkspaceName, "--docker", "false"),
        new("workspace-ci-none", "myapp-workspace", WorkspaceName, "--ci", "none"),
        new("workspace-aspire-true", "myapp-workspace", WorkspaceName, "--aspire", "true"),

        // Item templates: the solution's options they bind (layout, auth, tests, aot) and their own (plural).
        new("resource-default", "myapp-resource", "Product")
        {
            Host = new("webapi-default", "myapp-webapi", WebApiName), Folder = $"src/{WebApiName}",
        },
        new("resource-layout-flat-auth-jwt", "myapp-resource", "OrderLine")
        {
            Host = new("webapi-layout-flat-auth-jwt", "myapp-webapi", WebApiName, "--layout", "flat", "--auth", "jwt"), Folder = WebApiName,
        },
        new("resource-plural-tests-false", "myapp-resource", "Person", "--plural", "People")
        {
            Host = new("webapi-tests-false", "myapp-webapi", WebApiName, "--tests", "false"), Folder = $"src/{WebApiName}",
        },
        new("command-default", "myapp-command", "Export")
        {
            Host = new("cli-default", "myapp-cli", CliName), Folder = $"src/{CliName}",
        },
        new("command-layout-flat-aot-true", "myapp-command", "OrderLine")
        {
            Host = new("cli-layout-flat-aot-true", "myapp-cli", CliName, "--layout", "flat", "--aot", "true"), Folder = CliName,
        },
        new("command-tests-false", "myapp-command", "ImportCommand")
        {
            Host = new("cli-tests-false", "myapp-cli", CliName, "--tests", "false"), Folder = $"src/{CliName}",
        },
    ];

    public static TheoryData<string> Names => [.. All.Select(scenario => scenario.Name)];

    public static Scenario Named(string name) => All.Single(scenario => scenario.Name == name);

    /// <summary>The template folder under templates/ for a short name (myapp-webapi → webapi).</summary>
    public static string TemplateFolder(string shortName) => Repo.TemplateDir(shortName["myapp-".Length..]);
}
