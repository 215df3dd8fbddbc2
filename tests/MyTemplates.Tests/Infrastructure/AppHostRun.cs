using System.Globalization;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// A generated Aspire AppHost started as a user starts it, <c>dotnet run --project …AppHost</c> (of the build already
/// made), with its dashboard on free loopback ports, unsecured transport allowed and, for the test only, the dashboard
/// open to anonymous readers. <see cref="StopAsync"/> sends SIGTERM to the AppHost and checks that every process of
/// the run ends: the AppHost, the orchestrator (DCP, which detaches from it), the dashboard and the apps it ran.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    private readonly RunningApp run;
    private readonly string solutionRoot;

    private AppHostRun(RunningApp run, string solutionRoot, OtlpReceiver dashboard) =>
        (this.run, this.solutionRoot, Dashboard) = (run, solutionRoot, dashboard);

    /// <summary>The AppHost's dashboard, read through its telemetry API.</summary>
    public OtlpReceiver Dashboard { get; }

    public string Output => run.Output;

    public static async Task<AppHostRun> StartAsync(string solutionRoot, string appHostProject, IReadOnlyDictionary<string, string?> settings)
    {
        var (ui, otlp) = (RunningApp.FreePort(), RunningApp.FreePort());
        var environment = new Dictionary<string, string?>(settings)
        {
            // What the AppHost's launch profile sets, on ports of the test's own (--no-launch-profile).
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ui}",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{otlp}",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            // For the test only: the dashboard's telemetry API without the browser login token.
            ["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true",
        };
        var run = RunningApp.Start("dotnet", ["run", "--no-build", "--no-launch-profile", "--project", appHostProject], solutionRoot, environment);
        var appHost = new AppHostRun(run, solutionRoot, OtlpReceiver.OfAppHost(ui, otlp));
        using var http = new HttpClient();
        await run.WaitUntilOkAsync(http, $"http://127.0.0.1:{ui}/api/telemetry/resources", TimeSpan.FromMinutes(3));
        return appHost;
    }

    /// <summary>
    /// SIGTERM to the AppHost (the process <c>dotnet run</c> started), then waits, at most a minute, until no process of the
    /// run is left: those started under it, the orchestrator's (<c>dcp … --monitor &lt;AppHost&gt;</c> and what it started,
    /// detached from the AppHost), and any whose command line names the solution's folder. Fails naming the survivors.
    /// </summary>
    public async Task StopAsync()
    {
        var appHost = LinuxProcess.ChildrenOf(run.Id).SingleOrDefault();
        Assert.True(appHost is not null, $"dotnet run started no AppHost process:\n{Output}");
        var ofTheRun = OfTheRun(appHost.Id).ToList();
        Assert.Contains(ofTheRun, process => process.CommandLine.Contains("dcp", StringComparison.Ordinal)); // the check sees the orchestrator

        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", appHost.Id.ToString(CultureInfo.InvariantCulture)], Path.GetTempPath(),
            TimeSpan.FromSeconds(10));
        Assert.True(kill.ExitCode == 0, kill.ToString());
        await run.WaitForExitAsync(StopTimeout);

        var survivors = await LinuxProcess.WaitUntilGoneAsync(() => [.. ofTheRun.Where(process => process.IsAlive), .. OfTheRun(appHost.Id)],
            StopTimeout);
        LinuxProcess.Kill(survivors); // the test started them: none outlives it
        Assert.True(survivors.Count == 0,
            $"{survivors.Count} processes of the AppHost's run were still running {StopTimeout} after SIGTERM:\n" +
            string.Join('\n', survivors) + $"\n{Output}");
    }

    /// <summary>The AppHost, what it started, the orchestrator that monitors it and what that started, and whatever names the solution's folder.</summary>
    private IEnumerable<LinuxProcess> OfTheRun(int appHost)
    {
        var all = LinuxProcess.All();
        var roots = all.Where(process => process.Id == appHost
            || $"{process.CommandLine} ".Contains($" --monitor {appHost.ToString(CultureInfo.InvariantCulture)} ", StringComparison.Ordinal))
            .Select(process => process.Id);
        var tree = LinuxProcess.Descendants(all, roots);
        return all.Where(process => tree.Contains(process.Id) || process.CommandLine.Contains(solutionRoot, StringComparison.Ordinal))
            .Where(process => process.Id != Environment.ProcessId);
    }

    public async ValueTask DisposeAsync()
    {
        await run.DisposeAsync();
        await Dashboard.DisposeAsync();
    }
}
