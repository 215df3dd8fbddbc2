namespace MyTemplates.Tests.Infrastructure;

/// <summary>A template with arguments; its name is its snapshot folder.</summary>
public sealed record Scenario(string Name, string Template, string ProjectName, params string[] Arguments)
{
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
    ];

    public static TheoryData<string> Names => [.. All.Select(scenario => scenario.Name)];

    public static Scenario Named(string name) => All.Single(scenario => scenario.Name == name);

    /// <summary>The template folder under templates/ for a short name (myapp-webapi → webapi).</summary>
    public static string TemplateFolder(string shortName) => Repo.TemplateDir(shortName["myapp-".Length..]);
}
