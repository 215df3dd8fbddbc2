using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// myapp-webapi end to end: restore (the template's own post-action), build with warnings as
/// errors, formatting, the generated tests, publish, then the published app over real HTTP.
/// </summary>
public sealed class WebApiEndToEndTests(TemplatePack pack)
{
    [Theory]
    [InlineData("webapi-default")]
    [InlineData("webapi-database-postgres")]
    [InlineData("webapi-auth-jwt")]
    [InlineData("webapi-layout-flat")]
    public async Task Generated_api_builds_passes_its_tests_and_serves_users_when_published(string scenarioName)
    {
        var scenario = Scenarios.Named(scenarioName);
        using var temp = new TempDirectory(scenarioName);
        var postgres = scenario.Arguments.Contains("postgres");
        var jwt = scenario.Arguments.Contains("jwt");
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, scenario.Arguments));

        await solution.BuildAsync();
        await solution.VerifyFormattingAsync();
        await solution.TestAsync();
        await StaticChecks.CheckAsync(solution, scenario.ProjectName);

        var project = Directory.GetFiles(solution.Root, $"{scenario.ProjectName}.csproj", SearchOption.AllDirectories).Single();
        var published = Path.Combine(temp.Path, "publish");
        await ProcessRunner.DotnetOkAsync(solution.Root, TimeSpan.FromMinutes(10), "publish", project, "-c", "Release", "-o", published);

        var port = RunningApp.FreePort();
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        string? database = null;
        if (postgres)
        {
            database = $"e2e_{Guid.NewGuid():N}";
            await Postgres.PsqlAsync($"CREATE DATABASE {database}");
            environment["ConnectionStrings__Default"] = Postgres.ForDatabase(database);
            environment["Database__MigrateOnStartup"] = "true";
        }

        var signingKey = RandomNumberGenerator.GetBytes(32);
        if (jwt)
        {
            environment["Authentication__Schemes__Bearer__ValidIssuer"] = "pack-tests";
            environment["Authentication__Schemes__Bearer__ValidAudiences__0"] = "pack-tests-api";
            environment["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = "pack-tests";
            environment["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(signingKey);
        }

        // Run as a deployment does: the self-contained executable, from the publish folder. SQLite: the default
        // Data Source=app.db, which the app creates and migrates.
        var workingDirectory = published;
        Assert.True(File.Exists(Path.Combine(published, "libcoreclr.so")), "The publish is not self-contained (no .NET runtime in it).");
        try
        {
            await using var app = RunningApp.Start(Path.Combine(published, scenario.ProjectName), ["--urls", $"http://127.0.0.1:{port}"],
                workingDirectory, environment);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await app.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));
            if (!postgres)
            {
                Assert.True(File.Exists(Path.Combine(workingDirectory, "app.db")), "The SQLite database file was not created on first start.");
            }

            if (jwt)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/users", new { email = "x@example.com", name = "X" }, Ct)).StatusCode);
                http.DefaultRequestHeaders.Authorization = new("Bearer", Token(signingKey, "pack-tests", "pack-tests-api"));
            }

            await SpeakToTheUsersApiAsync(http, app);
        }
        finally
        {
            if (database is not null)
            {
                await Postgres.PsqlAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }
        }

        if (jwt)
        {
            await UserJwtsTokensWorkInDevelopmentAsync(project, temp);
        }

        if (!jwt)
        {
            await AFailedStartupMigrationStopsTheAppAsync(scenario.ProjectName, published, postgres);
        }
    }

    /// <summary>
    /// Migrations run in the background while the server listens; when they fail the app must still
    /// stop, with exit code 1 and a message naming the setting to check, not serve 503s forever.
    /// </summary>
    private static async Task AFailedStartupMigrationStopsTheAppAsync(string projectName, string published, bool postgres)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__MigrateOnStartup"] = "true",
            ["ConnectionStrings__Default"] = postgres
                ? $"Host=127.0.0.1;Port={RunningApp.FreePort()};Database=none;Username=none;Password=none"
                : "Data Source=/nonexistent/folder/app.db",
        };
        await using var app = RunningApp.Start("dotnet", [$"{projectName}.dll", "--urls", $"http://127.0.0.1:{RunningApp.FreePort()}"],
            published, environment);

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{app.Output}");
        Assert.Contains("Applying database migrations failed", app.Output);
        Assert.Contains("ConnectionStrings:Default", app.Output);
    }

    /// <summary>
    /// The development path the README describes: <c>dotnet user-jwts create</c> keeps a signing key in user
    /// secrets and prints a token; the app, run in Development, accepts it. User secrets go to a private folder.
    /// </summary>
    private static async Task UserJwtsTokensWorkInDevelopmentAsync(string project, TempDirectory temp)
    {
        var environment = new Dictionary<string, string?>
        {
            ["APPDATA"] = Directory.CreateDirectory(Path.Combine(temp.Path, "appdata")).FullName, // where user secrets live
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        var projectDirectory = Path.GetDirectoryName(project)!;
        var created = await ProcessRunner.RunAsync("dotnet", ["user-jwts", "create", "--project", project, "--output", "token"], projectDirectory,
            TimeSpan.FromMinutes(2), environment, cancellationToken: Ct);
        Assert.True(created.ExitCode == 0, created.ToString());
        var token = created.StandardOutput.Trim();

        var port = RunningApp.FreePort();
        var output = Path.Combine(projectDirectory, "bin", "Debug", "net10.0");
        await using var app = RunningApp.Start("dotnet", [Path.GetFileName(Path.ChangeExtension(project, ".dll")), "--urls", $"http://127.0.0.1:{port}"],
            output, environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await app.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/users", new { email = "jwt@example.com", name = "J" }, Ct)).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await http.PostAsJsonAsync("/users", new { email = "jwt@example.com", name = "J" }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}\n{app.Output}");
    }

    [Fact]
    public async Task Generated_postgres_tests_without_a_server_or_docker_fail_and_say_so()
    {
        using var temp = new TempDirectory("webapi-postgres-no-server");
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, "myapp-webapi", Scenarios.WebApiName, "--database", "postgres"));
        await solution.BuildAsync();

        // No connection string, and a Docker endpoint that does not answer: the tests must fail, never skip.
        var result = await ProcessRunner.RunAsync("dotnet", ["test", "--no-build"], solution.Root, TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["POSTGRES_TEST_CONNECTION_STRING"] = "", ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" },
            cancellationToken: Ct);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("These tests need PostgreSQL: set POSTGRES_TEST_CONNECTION_STRING", result.Output);
        Assert.DoesNotMatch(@"(?m)^\s*skipped:\s*[1-9]", result.StandardOutput);
    }

    [Fact]
    public async Task Generated_architecture_test_fails_when_a_lower_layer_references_a_higher_one()
    {
        using var temp = new TempDirectory("webapi-layers");
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, "myapp-webapi", Scenarios.WebApiName, "--no-restore"));
        File.WriteAllText(solution.PathOf($"src/{Scenarios.WebApiName}/Db/LayerViolation.cs"), $$"""
            namespace {{Scenarios.WebApiName}}.Db;

            public static class LayerViolation
            {
                public static Type Service => typeof(Services.UserService);
            }

            """);

        var result = await ProcessRunner.DotnetAsync(solution.Root, TimeSpan.FromMinutes(10),
            "test", "--project", $"tests/{Scenarios.WebApiName}.UnitTests");

        Assert.True(result.ExitCode != 0, $"The architecture test let Db reference Services:\n{result}");
        Assert.Contains("references a higher layer", result.Output);
        Assert.Contains("LayerViolation", result.Output);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SpeakToTheUsersApiAsync(HttpClient http, RunningApp app)
    {
        var created = await http.PostAsJsonAsync("/users", new { email = " Ada@Example.com ", name = "Ada Lovelace" }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync(Ct)}\n{app.Output}");
        var user = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = user.GetProperty("id").GetString();
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal("ada@example.com", user.GetProperty("email").GetString());
        Assert.Equal($"/users/{id}", created.Headers.Location?.OriginalString);
        Assert.True(created.Headers.Contains("X-Correlation-ID"));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/users/{id}", Ct)).StatusCode);
        var patched = await http.PatchAsJsonAsync($"/users/{id}", new { name = "Ada King" }, Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Ada King", (await patched.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("name").GetString());

        await AssertProblemAsync(await http.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Again" }, Ct), HttpStatusCode.Conflict);
        await AssertProblemAsync(await http.PostAsync("/users", new StringContent("{\"email\":", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync("/users", new StringContent("hello", Encoding.UTF8, "text/plain"), Ct), HttpStatusCode.UnsupportedMediaType);
        // Sent as large uploads are (Expect: 100-continue): the server refuses on the headers, before the body. Sent
        // straight away, the server's answer races the client's writing, which can end in a broken pipe instead.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/users")
        {
            Content = new StringContent($"{{\"email\":\"{new string('a', 2_000_000)}\"}}", Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };
        await AssertProblemAsync(await http.SendAsync(tooLarge, Ct), HttpStatusCode.RequestEntityTooLarge);

        // The caller's correlation id comes back on the response and is on the request's log lines.
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/users/{id}") { Headers = { { "X-Correlation-ID", "pack-e2e-delete" } } };
        var deleted = await http.SendAsync(delete, Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("pack-e2e-delete", deleted.Headers.GetValues("X-Correlation-ID").Single());
        await AssertProblemAsync(await http.GetAsync($"/users/{id}", Ct), HttpStatusCode.NotFound);
        var deletedLog = await WaitForLogAsync(app, $"Deleted user {id}");
        Assert.Contains("=> CorrelationId: pack-e2e-delete", deletedLog);

        var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/users", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/users/{id}", out _));
        Assert.DoesNotContain("fail:", app.Output, StringComparison.Ordinal);
    }

    /// <summary>The log entry (category line, scopes, message) holding <paramref name="text"/>, once the app has written it.</summary>
    private static async Task<string> WaitForLogAsync(RunningApp app, string text)
    {
        for (var attempt = 0; attempt < 50 && !app.Output.Contains(text, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100, Ct);
        }

        var lines = app.Output.Split('\n');
        var at = Array.FindIndex(lines, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(at >= 0, $"No log line with '{text}':\n{app.Output}");
        var start = Array.FindLastIndex(lines, at, line => line.Length > 0 && !char.IsWhiteSpace(line[0]));
        return string.Join('\n', lines[start..(at + 1)]);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    /// <summary>An HS256 JSON Web Token, as <c>dotnet user-jwts</c> or an identity provider would issue one.</summary>
    private static string Token(byte[] key, string issuer, string audience)
    {
        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { sub = "pack-tests", iss = issuer, aud = audience, iat = now, nbf = now - 5, exp = now + 600 }));
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }
}
