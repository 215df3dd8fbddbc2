using System.Diagnostics;
using System.Text.Json;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A real OTLP receiver whose contents a test can read back: the Aspire dashboard run standalone (from the
/// Aspire.Cli .NET tool, installed once per machine into a folder of the tests' own), with anonymous access, on
/// loopback ports, read through its telemetry API (<c>/api/telemetry/resources</c>, <c>/spans</c>, <c>/logs</c>).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string AspireCliVersion = "13.6.5";
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly RunningApp? dashboard;
    private readonly HttpClient http;

    private OtlpReceiver(RunningApp? dashboard, int ui, int grpc)
    {
        this.dashboard = dashboard;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ui}/") };
        GrpcEndpoint = $"http://127.0.0.1:{grpc}";
    }

    /// <summary>The OTLP/gRPC endpoint, for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public string GrpcEndpoint { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var aspire = await InstallAsync();
        var (ui, grpc, otlpHttp) = (RunningApp.FreePort(), RunningApp.FreePort(), RunningApp.FreePort());
        var dashboard = RunningApp.Start(aspire,
            ["dashboard", "run", "--allow-anonymous", "--non-interactive", "--nologo",
             "--frontend-url", $"http://127.0.0.1:{ui}", "--otlp-grpc-url", $"http://127.0.0.1:{grpc}", "--otlp-http-url", $"http://127.0.0.1:{otlpHttp}"],
            Path.GetTempPath(), new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["ASPIRE_CLI_TELEMETRY_OPTOUT"] = "1" });
        var receiver = new OtlpReceiver(dashboard, ui, grpc);
        await dashboard.WaitUntilOkAsync(receiver.http, $"http://127.0.0.1:{ui}/api/telemetry/resources", TimeSpan.FromMinutes(2));
        return receiver;
    }

    /// <summary>The dashboard an Aspire AppHost runs, on the ports it was given: read, never stopped, by this receiver.</summary>
    public static OtlpReceiver OfAppHost(int ui, int grpc) => new(null, ui, grpc);

    /// <summary>The names of the resources (services) that sent anything.</summary>
    public async Task<IReadOnlyList<string>> ResourceNamesAsync() =>
        [.. (await GetAsync("api/telemetry/resources")).EnumerateArray().Select(resource => resource.GetProperty("name").GetString()!)];

    /// <summary>Waits until <paramref name="resource"/> has sent traces and metrics (and logs, if asked), failing after a minute.</summary>
    public async Task WaitForAsync(string resource, bool logs = false)
    {
        var deadline = Stopwatch.StartNew();
        JsonElement resources = default;
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            resources = await GetAsync("api/telemetry/resources");
            if (resources.EnumerateArray().Any(found => found.GetProperty("name").GetString() == resource
                && found.GetProperty("hasTraces").GetBoolean() && found.GetProperty("hasMetrics").GetBoolean()
                && (!logs || found.GetProperty("hasLogs").GetBoolean())))
            {
                return;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"No traces and metrics{(logs ? " and logs" : "")} from '{resource}' within a minute; the receiver has: {resources}");
    }

    /// <summary>
    /// Waits until <paramref name="instances"/> instances of <paramref name="resource"/> (an AppHost's replicas share its name)
    /// have each sent a log record whose body contains <paramref name="text"/>, failing after <paramref name="timeout"/>.
    /// </summary>
    public async Task WaitForLogAsync(string resource, string text, TimeSpan timeout, int instances = 1)
    {
        var deadline = Stopwatch.StartNew();
        var bodies = new Dictionary<string, List<string>>();
        while (deadline.Elapsed < timeout)
        {
            // By display name (name-instance): the name alone answers nothing once there are replicas.
            var displayNames = (await GetAsync("api/telemetry/resources")).EnumerateArray()
                .Where(found => found.GetProperty("name").GetString() == resource)
                .Select(found => found.GetProperty("displayName").GetString()!);
            foreach (var displayName in displayNames)
            {
                bodies[displayName] = [.. (await LogRecordsAsync(displayName))
                    .Select(record => record.GetProperty("body").TryGetProperty("stringValue", out var body) ? body.GetString()! : "")];
            }

            if (bodies.Values.Count(logged => logged.Any(body => body.Contains(text, StringComparison.Ordinal))) >= instances)
            {
                return;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Not {instances} instances of '{resource}' logged '{text}' within {timeout}; the receiver has resources " +
            $"[{string.Join(", ", await ResourceNamesAsync())}], and their log records:\n" +
            string.Join('\n', bodies.Select(instance => $"{instance.Key}: {string.Join(" | ", instance.Value)}")));
    }

    /// <summary>Every span the receiver holds from <paramref name="resource"/>, flattened out of OTLP JSON.</summary>
    public async Task<IReadOnlyList<JsonElement>> SpansAsync(string resource) =>
        [.. (await GetAsync($"api/telemetry/spans?resource={Uri.EscapeDataString(resource)}"))
            .GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .SelectMany(resourceSpans => resourceSpans.GetProperty("scopeSpans").EnumerateArray())
            .SelectMany(scopeSpans => scopeSpans.GetProperty("spans").EnumerateArray())];

    /// <summary>Every log record the receiver holds from <paramref name="resource"/>, flattened out of OTLP JSON (none: <c>{}</c>).</summary>
    public async Task<IReadOnlyList<JsonElement>> LogRecordsAsync(string resource) =>
        (await GetAsync($"api/telemetry/logs?resource={Uri.EscapeDataString(resource)}")).TryGetProperty("data", out var data)
            ? [.. data.GetProperty("resourceLogs").EnumerateArray()
                .SelectMany(resourceLogs => resourceLogs.GetProperty("scopeLogs").EnumerateArray())
                .SelectMany(scopeLogs => scopeLogs.GetProperty("logRecords").EnumerateArray())]
            : [];

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (dashboard is not null)
        {
            await dashboard.DisposeAsync();
        }
    }

    private async Task<JsonElement> GetAsync(string pathAndQuery)
    {
        var body = await http.GetStringAsync(pathAndQuery, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string> InstallAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mytemplates-tests", $"aspire-cli-{AspireCliVersion}");
        var aspire = Path.Combine(folder, "aspire");
        await InstallGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!File.Exists(aspire))
            {
                await ProcessRunner.DotnetOkAsync(Path.GetTempPath(), TimeSpan.FromMinutes(5),
                    "tool", "install", "Aspire.Cli", "--version", AspireCliVersion, "--tool-path", folder);
            }

            return aspire;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
