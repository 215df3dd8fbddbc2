using System.Text.RegularExpressions;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// What can be checked here of files that cannot run here (no Docker engine, no GitHub runner):
/// they parse, and the paths and commands they name exist in the generated solution.
/// </summary>
public static partial class StaticChecks
{
    public static async Task CheckAsync(GeneratedSolution solution, string projectName)
    {
        foreach (var yaml in new[] { ".github/workflows/ci.yml", "compose.yaml" }.Where(file => File.Exists(solution.PathOf(file))))
        {
            await AssertYamlParsesAsync(solution.PathOf(yaml));
        }

        var workflow = solution.PathOf(".github/workflows/ci.yml");
        if (File.Exists(workflow))
        {
            var text = await File.ReadAllTextAsync(workflow, TestContext.Current.CancellationToken);
            Assert.Contains("global-json-file: global.json", text);
            Assert.True(File.Exists(solution.PathOf("global.json")));
            foreach (Match path in WorkflowPath().Matches(text))
            {
                Assert.True(Directory.Exists(solution.PathOf(path.Groups["path"].Value)) || File.Exists(solution.PathOf(path.Groups["path"].Value)),
                    $"ci.yml names '{path.Groups["path"].Value}', which the solution does not have");
            }
        }

        // The generated README's commands name project folders that must exist in this layout.
        var readme = await File.ReadAllTextAsync(solution.PathOf("README.md"), TestContext.Current.CancellationToken);
        foreach (Match path in ReadmeProjectPath().Matches(readme))
        {
            Assert.True(Directory.Exists(solution.PathOf(path.Groups["path"].Value)),
                $"README.md names '{path.Groups["path"].Value}', which the solution does not have");
        }

        var dockerfile = solution.PathOf("Dockerfile");
        if (File.Exists(dockerfile))
        {
            var lines = await File.ReadAllLinesAsync(dockerfile, TestContext.Current.CancellationToken);
            foreach (var line in lines.Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from", StringComparison.Ordinal)))
            {
                var sources = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
                foreach (var source in sources)
                {
                    Assert.True(File.Exists(solution.PathOf(source)) || Directory.Exists(solution.PathOf(source)),
                        $"Dockerfile: '{line}' copies '{source}', which the solution does not have");
                }
            }

            // On runtime-deps the app brings its own .NET and starts as its executable; on a .NET image, as `dotnet <app>.dll`.
            // A Dockerfile with several final stages (the workspace's api and worker) starts one app per stage.
            var entrypoints = lines.Where(line => line.StartsWith("ENTRYPOINT", StringComparison.Ordinal)).ToList();
            var selfContained = lines.Any(line => line.StartsWith("FROM mcr.microsoft.com/dotnet/runtime-deps:", StringComparison.Ordinal));
            if (entrypoints.Count == 1)
            {
                // The app's path may be absolute (`/app/<app>.dll`) where the image's working folder is not the app's.
                Assert.Matches(selfContained ? $"\"\\./{Regex.Escape(projectName)}\"" : $"\"(/[^\"]+/)?{Regex.Escape(projectName)}\\.dll\"", entrypoints[0]);
            }
            else
            {
                Assert.All(entrypoints, entrypoint => Assert.True(
                    EntrypointDll().Match(entrypoint) is { Success: true } dll
                        && Directory.GetFiles(solution.Root, $"{dll.Groups["name"].Value}.csproj", SearchOption.AllDirectories).Length == 1,
                    $"Dockerfile: '{entrypoint}' starts no project of the solution"));
            }

            if (selfContained)
            {
                var project = Directory.GetFiles(solution.Root, $"{projectName}.csproj", SearchOption.AllDirectories).Single();
                Assert.Contains("<SelfContained", await File.ReadAllTextAsync(project, TestContext.Current.CancellationToken));
            }

            Assert.Contains(lines, line => line.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0", StringComparison.Ordinal));
        }

        var compose = solution.PathOf("compose.yaml");
        if (File.Exists(compose))
        {
            var text = await File.ReadAllTextAsync(compose, TestContext.Current.CancellationToken);
            Assert.Matches(@"build: \.|build:\s+context: \.", text);
            Assert.True(File.Exists(dockerfile), "compose.yaml builds '.', which has no Dockerfile");
            await CheckScaleOutAsync(solution, text);
        }
    }

    /// <summary>
    /// A compose file that runs replicas of the API puts them behind the proxy its nginx.conf describes: the proxy
    /// passes to the API's service, says who the client is, and the API believes it.
    /// </summary>
    private static async Task CheckScaleOutAsync(GeneratedSolution solution, string compose)
    {
        if (!compose.Contains("replicas:", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("nginx", compose);
            return;
        }

        var api = ServiceBlock(compose, "api");
        Assert.Matches(@"deploy:\s+replicas: 2", api);
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED: \"true\"", api);
        Assert.Contains("- ./nginx.conf:/etc/nginx/nginx.conf:ro", compose);
        Assert.Matches(@"proxy:\s+image: nginx:", compose);
        var nginx = solution.PathOf("nginx.conf");
        Assert.True(File.Exists(nginx), "compose.yaml mounts nginx.conf, which the solution does not have");
        var conf = await File.ReadAllTextAsync(nginx, TestContext.Current.CancellationToken);
        // Re-resolved (replicas that restart change address): Docker's DNS, a shared zone, `resolve` (nginx 1.27.3+).
        Assert.Contains("resolver 127.0.0.11", conf);
        Assert.Contains("server api:8080 resolve;", conf);
        Assert.Matches(@"zone api \d+k;", conf);
        Assert.Contains("proxy_pass http://api;", conf);
        Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", conf);
        Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", conf);
        Assert.Equal(conf.Count(c => c == '{'), conf.Count(c => c == '}'));
    }

    /// <summary>The lines of a compose service (<c>  name:</c> and what is indented under it, up to the next service).</summary>
    private static string ServiceBlock(string compose, string name)
    {
        var lines = compose.Replace("\r", string.Empty).Split('\n');
        var start = Array.IndexOf(lines, $"  {name}:");
        Assert.True(start >= 0, $"compose.yaml has no '{name}' service");
        var body = lines.Skip(start + 1).TakeWhile(line => line.Length == 0 || line.StartsWith("    ", StringComparison.Ordinal) || line.TrimStart().StartsWith('#'));
        return string.Join('\n', body);
    }

    private static async Task AssertYamlParsesAsync(string path)
    {
        var result = await ProcessRunner.RunAsync("python3",
            ["-c", "import sys, yaml; doc = yaml.safe_load(open(sys.argv[1])); assert isinstance(doc, dict), 'not a mapping'", path],
            Path.GetDirectoryName(path)!, TimeSpan.FromMinutes(1), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"{path} is not valid YAML:\n{result}");
    }

    // Paths a workflow step hands to dotnet: "dotnet publish src/X --configuration ..." and the like.
    [GeneratedRegex(@"dotnet (?:publish|pack|build|test) (?<path>[^\s-][^\s]*)")]
    private static partial Regex WorkflowPath();

    [GeneratedRegex(@"""(?<name>[^""/]+)\.dll""")]
    private static partial Regex EntrypointDll();

    [GeneratedRegex(@"(?:--project|dotnet (?:publish|pack)) (?<path>[^\s-][^\s]*/)")]
    private static partial Regex ReadmeProjectPath();
}
