using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MyTemplates.Tests.Infrastructure;
using static MyTemplates.Tests.Infrastructure.ProblemAssert;

namespace MyTemplates.Tests;

/// <summary>
/// myapp-webapi end to end, one class per scenario: the generated solution's own checks (formatting,
/// its tests), then what only the published app, started as a deployment starts it, can show: real
/// Kestrel limits, console logs with correlation ids, the database file or server it really uses,
/// start-up migrations, and an OpenAPI document that passes two linters.
/// </summary>
public abstract partial class WebApiEndToEndTests<TApi>(TApi api) : IClassFixture<TApi>
    where TApi : PublishedWebApi
{
    protected TApi Api { get; } = api;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generated_solution_is_formatted_and_passes_its_own_tests()
    {
        await Api.Solution.VerifyFormattingAsync();
        await Api.Solution.TestAsync();
        var listed = await ProcessRunner.DotnetOkAsync(Api.Solution.Root, TimeSpan.FromMinutes(5), "test", "--no-build", "--list-tests");
        foreach (var (resource, plural) in Api.AddedResources)
        {
            // The added resources' tests are among those that ran (and passed).
            Assert.Contains($"{resource}ServiceTests.", listed.StandardOutput);
            Assert.Contains($"{resource}RepositoryTests.", listed.StandardOutput);
            Assert.Contains($"{plural}ApiTests.", listed.StandardOutput);
        }

        await StaticChecks.CheckAsync(Api.Solution, Api.Scenario.ProjectName);
    }

    [Fact]
    public async Task Published_app_is_framework_dependent_and_serves_users_over_http()
    {
        Assert.True(File.Exists(Path.Combine(Api.Published, Api.AppDll)));
        Assert.False(File.Exists(Path.Combine(Api.Published, "libcoreclr.so")), "The publish is self-contained; it should run on the installed .NET.");

        await using var database = await AppDatabase.CreateAsync(Api);
        var port = RunningApp.FreePort();
        await using var app = Api.Start(port, Settings(database));
        using var http = await ReadyClientAsync(app, port);
        await SpeakToTheUsersApiAsync(http, app);
        await AddedResource.SpeakToTheProductsApiAsync(http);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/categories", Ct)).StatusCode);
        database.AssertCreated();
    }

    [Fact]
    public async Task Openapi_document_passes_redocly_and_spectral()
    {
        await using var database = await AppDatabase.CreateAsync(Api);
        var port = RunningApp.FreePort();
        await using var app = Api.Start(port, Settings(database));
        using var http = await ReadyClientAsync(app, port);

        var document = Path.Combine(Api.TempPath, $"openapi-{port}.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync("/openapi/v1.json", Ct), Ct);

        var problems = await OpenApiLinters.LintAsync(document);
        Assert.True(problems.Count == 0, $"{problems.Count} lint problem(s) in /openapi/v1.json:\n{string.Join('\n', problems)}");
    }

    /// <summary>What the published app needs besides its database: JWT settings in the JWT scenario.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>Readies the client for writes (a token in the JWT scenario).</summary>
    protected virtual Task AuthorizeAsync(HttpClient http) => Task.CompletedTask;

    private Dictionary<string, string?> Settings(AppDatabase database) =>
        new(ExtraSettings.Concat(database.Settings));

    private async Task<HttpClient> ReadyClientAsync(RunningApp app, int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await app.WaitUntilOkAsync(http, "/health/ready", TimeSpan.FromSeconds(90));
        await AuthorizeAsync(http);
        return http;
    }

    private static async Task SpeakToTheUsersApiAsync(HttpClient http, RunningApp app)
    {
        var created = await http.PostAsJsonAsync("/users", new { email = " Ada@Example.com ", name = "Ada Lovelace" }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync(Ct)}\n{app.Output}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/users/{id}", Ct)).StatusCode);

        // In Production, bad requests are answered by the status-code pages, not the exception handler the
        // generated tests (in Development) see: still problem details.
        await AssertProblemAsync(await http.PostAsync("/users", new StringContent("{\"email\":", Encoding.UTF8, "application/json"), Ct), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await http.PostAsync("/users", new StringContent("hello", Encoding.UTF8, "text/plain"), Ct), HttpStatusCode.UnsupportedMediaType);
        await AssertProblemAsync(await http.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Again" }, Ct), HttpStatusCode.Conflict);

        // Kestrel's body limit (Api:MaxRequestBodyBytes) exists only in a real server. Sent as large uploads are
        // (Expect: 100-continue), the server refuses on the headers, before the body; sent straight away, its
        // answer races the client's writing, which can end in a broken pipe instead.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/users")
        {
            Content = new StringContent($"{{\"email\":\"{new string('a', 2_000_000)}\"}}", Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };
        await AssertProblemAsync(await http.SendAsync(tooLarge, Ct), HttpStatusCode.RequestEntityTooLarge);

        // The caller's correlation id comes back on the response and is on the request's console log lines.
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/users/{id}") { Headers = { { "X-Correlation-ID", "pack-e2e-delete" } } };
        var deleted = await http.SendAsync(delete, Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("pack-e2e-delete", deleted.Headers.GetValues("X-Correlation-ID").Single());
        var deletedLog = await WaitForLogAsync(app, $"Deleted user {id}");
        Assert.Contains("=> CorrelationId: pack-e2e-delete", deletedLog);
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

}

public sealed partial class WebApiDefaultEndToEndTests(DefaultWebApi api) : WebApiEndToEndTests<DefaultWebApi>(api)
{
    [Fact]
    public Task A_failed_startup_migration_stops_the_app_and_names_the_setting() =>
        StartupMigrationFailure.AssertStopsAsync(Api, "Data Source=/nonexistent/folder/app.db");
}

public sealed class WebApiFlatLayoutEndToEndTests(FlatWebApi api) : WebApiEndToEndTests<FlatWebApi>(api);

public sealed partial class WebApiPostgresEndToEndTests(PostgresWebApi api) : WebApiEndToEndTests<PostgresWebApi>(api)
{
    [Fact]
    public Task A_failed_startup_migration_stops_the_app_and_names_the_setting() =>
        StartupMigrationFailure.AssertStopsAsync(Api, $"Host=127.0.0.1;Port={RunningApp.FreePort()};Database=none;Username=none;Password=none");

    /// <summary>
    /// Production with migrations left to the deployment (the default outside Development): the app is live,
    /// not ready, names the pending migration and the fix, and answers 503 problems, never 500s; once the
    /// migrations are applied it is ready.
    /// </summary>
    [Fact]
    public async Task On_an_unmigrated_database_the_app_is_live_but_not_ready_and_says_why()
    {
        await using var database = await AppDatabase.CreateAsync(Api, migrateOnStartup: false);
        var port = RunningApp.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await using (var app = Api.Start(port, database.Settings))
        {
            await app.WaitUntilOkAsync(http, "/health/live", TimeSpan.FromSeconds(90));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready", Ct)).StatusCode);
            var refused = await http.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Ada" }, Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync(Ct)}\n{app.Output}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("_InitialCreate", app.Output);
            Assert.Contains("Database:MigrateOnStartup", app.Output);
        }

        // The same database, migrated at start-up this time: ready, and the request that was refused succeeds.
        port = RunningApp.FreePort();
        using var migrated = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await using var again = Api.Start(port, new Dictionary<string, string?>(database.Settings) { ["Database__MigrateOnStartup"] = "true" });
        await again.WaitUntilOkAsync(migrated, "/health/ready", TimeSpan.FromSeconds(90));
        Assert.Equal(HttpStatusCode.Created, (await migrated.PostAsJsonAsync("/users", new { email = "ada@example.com", name = "Ada" }, Ct)).StatusCode);
    }
}

public sealed class WebApiJwtEndToEndTests(JwtWebApi api) : WebApiEndToEndTests<JwtWebApi>(api)
{
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Authentication__Schemes__Bearer__ValidIssuer"] = "pack-tests",
        ["Authentication__Schemes__Bearer__ValidAudiences__0"] = "pack-tests-api",
        ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = "pack-tests",
        ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(SigningKey),
    };

    protected override async Task AuthorizeAsync(HttpClient http)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/users", new { email = "x@example.com", name = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/products", new { name = "X" }, Ct)).StatusCode);
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token(SigningKey, "pack-tests", "pack-tests-api"));
    }

    /// <summary>
    /// The development path the README describes: <c>dotnet user-jwts create</c> keeps a signing key in user
    /// secrets and prints a token; the app, run in Development, accepts it. User secrets go to a private folder.
    /// </summary>
    [Fact]
    public async Task Tokens_from_dotnet_user_jwts_work_in_development()
    {
        var environment = new Dictionary<string, string?>
        {
            ["APPDATA"] = Directory.CreateDirectory(Path.Combine(Api.TempPath, "appdata")).FullName, // where user secrets live
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        var project = Api.Project;
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

/// <summary>The database a published app runs on in one check: SQLite's default file in the publish folder, or a new PostgreSQL database.</summary>
public sealed class AppDatabase : IAsyncDisposable
{
    private readonly string? postgresDatabase;
    private readonly string? sqliteFile;

    private AppDatabase(Dictionary<string, string?> settings, string? postgresDatabase, string? sqliteFile) =>
        (Settings, this.postgresDatabase, this.sqliteFile) = (settings, postgresDatabase, sqliteFile);

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public static async Task<AppDatabase> CreateAsync(PublishedWebApi api, bool migrateOnStartup = true)
    {
        if (api.Scenario.Arguments.Contains("postgres"))
        {
            var name = $"e2e_{Guid.NewGuid():N}";
            await Postgres.PsqlAsync($"CREATE DATABASE {name}");
            return new AppDatabase(new()
            {
                ["ConnectionStrings__Default"] = Postgres.ForDatabase(name),
                ["Database__MigrateOnStartup"] = migrateOnStartup ? "true" : "false",
            }, name, null);
        }

        // The default Data Source=app.db, which the app creates and migrates in its content root. Checks run one at a time.
        var file = Path.Combine(api.Published, "app.db");
        return new AppDatabase([], null, file);
    }

    /// <summary>SQLite: the app created its database file on first start.</summary>
    public void AssertCreated() =>
        Assert.True(sqliteFile is null || File.Exists(sqliteFile), "The SQLite database file was not created on first start.");

    public async ValueTask DisposeAsync()
    {
        if (postgresDatabase is not null)
        {
            await Postgres.PsqlAsync($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)");
        }

        foreach (var file in sqliteFile is null ? [] : new[] { sqliteFile, $"{sqliteFile}-wal", $"{sqliteFile}-shm" })
        {
            File.Delete(file);
        }
    }
}

public static class StartupMigrationFailure
{
    /// <summary>
    /// With start-up migration on and a database it cannot migrate, the app must not serve: it stops with a
    /// failure exit code and a message naming the setting to check.
    /// </summary>
    public static async Task AssertStopsAsync(PublishedWebApi api, string connectionString)
    {
        await using var app = api.Start(RunningApp.FreePort(), new Dictionary<string, string?>
        {
            ["Database__MigrateOnStartup"] = "true",
            ["ConnectionStrings__Default"] = connectionString,
        });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode != 0, $"exit code {exitCode}:\n{app.Output}");
        Assert.Contains("Applying database migrations failed", app.Output);
        Assert.Contains("ConnectionStrings:Default", app.Output);
        Assert.DoesNotContain("Now listening on", app.Output);
    }
}

public sealed class WebApiGeneratedTestsTests(TemplatePack pack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
}
