using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// The PostgreSQL web API as a team that outgrows one machine runs it: two published instances behind nginx on one
/// server, through the faults production brings (an instance killed, the database restarted), on the published
/// app of <see cref="WebApiPostgresEndToEndTests"/> (no second publish).
/// </summary>
public sealed partial class WebApiPostgresEndToEndTests
{
    [Fact]
    public async Task Two_instances_behind_nginx_lose_no_acknowledged_write_through_a_kill_and_a_database_restart()
    {
        // A server of the test's own, which it may restart; an empty database that both instances migrate as they start together.
        await using var server = await OwnPostgres.StartAsync();
        await server.PsqlAsync("CREATE DATABASE shop");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Default"] = server.ConnectionString("shop"),
            ["Database__MigrateOnStartup"] = "true",
        };
        int[] ports = [RunningApp.FreePort(), RunningApp.FreePort()];
        await using var doomed = Api.Start(ports[0], settings);
        await using var survivor = Api.Start(ports[1], settings);
        foreach (var (app, port) in new[] { (doomed, ports[0]), (survivor, ports[1]) })
        {
            using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await app.WaitUntilOkAsync(direct, "/health/ready", TimeSpan.FromSeconds(90));
        }

        await using var nginx = await Nginx.StartAsync(ports);
        using var http = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Concurrent creates over both instances, each e-mail three times: exactly one 201 per e-mail, 409 for the rest.
        var emails = Enumerable.Range(0, 40).Select(n => $"race-{n}@example.com").ToArray();
        var raced = await Task.WhenAll(emails.SelectMany(email => Enumerable.Repeat(email, 3))
            .Select(async email => (email, (await http.PostAsJsonAsync("/users", new { email, name = "Racer" }, Ct)).StatusCode)));
        Assert.All(emails, email => Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            raced.Where(result => result.email == email).Select(result => result.StatusCode).Order()));

        // Writes under load, by eight clients, while one instance is killed and then the database restarts.
        var load = new WriteLoad(http);
        var writing = load.RunAsync(clients: 8);
        await load.WaitForCreatedAsync(50);
        await doomed.KillAsync();
        await load.WaitForCreatedAsync(load.Created + 50);
        await server.RestartAsync(away: TimeSpan.FromSeconds(2));
        var back = load.Elapsed;
        var firstAfter = await load.WaitForCreatedAfterAsync(back, TimeSpan.FromSeconds(30));
        await load.WaitForCreatedAsync(load.Created + 20);
        await load.StopAsync(writing);

        var acknowledged = load.Results.Where(result => result.Status == HttpStatusCode.Created).Select(result => result.Email).ToList();
        var stored = (await server.PsqlAsync("SELECT email || ' ' || count(*) FROM users WHERE email LIKE 'load-%' GROUP BY email", "shop"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')).ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var byStatus = string.Join(", ", load.Results.GroupBy(result => result.Status).OrderBy(group => group.Key).Select(group => $"{(int)group.Key}: {group.Count()}"));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"acknowledged {acknowledged.Count}, found {acknowledged.Count(stored.ContainsKey)}; responses {byStatus}; first 201 {(firstAfter - back).TotalSeconds:F1} s after the database was back");

        Assert.All(acknowledged, email => Assert.True(stored.GetValueOrDefault(email) == 1, $"{email}: acknowledged, stored {stored.GetValueOrDefault(email)} time(s)"));
        Assert.All(stored, pair => Assert.Equal(1, pair.Value));
        // A request in flight on the killed instance may end as nginx's 502; the database away is the app's 503. Never a 500.
        Assert.True(load.Results.All(result => result.Status is HttpStatusCode.Created or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable),
            $"responses {byStatus}\n{survivor.Output}");
        Assert.True(firstAfter - back < TimeSpan.FromSeconds(10), $"the first 201 came {(firstAfter - back).TotalSeconds:F1} s after the database was back");

        // The survivor recovered by itself: still running, ready again.
        Assert.False(survivor.HasExited, survivor.Output);
        using var survivorDirect = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[1]}") };
        Assert.Equal(HttpStatusCode.OK, (await survivorDirect.GetAsync("/health/ready", Ct)).StatusCode);
    }

    /// <summary>Clients creating users with new e-mail addresses as fast as they are answered, each outcome recorded with its time.</summary>
    private sealed class WriteLoad(HttpClient http)
    {
        private readonly ConcurrentQueue<(string Email, HttpStatusCode Status, TimeSpan At)> results = new();
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly CancellationTokenSource stop = new();
        private int created;

        public int Created => Volatile.Read(ref created);

        public TimeSpan Elapsed => clock.Elapsed;

        /// <summary>Every answered request (a request that got no answer, status 0, is not acknowledged either).</summary>
        public IReadOnlyCollection<(string Email, HttpStatusCode Status, TimeSpan At)> Results => results;

        public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var email = $"load-{Guid.NewGuid():N}@example.com";
                HttpStatusCode status;
                try
                {
                    using var response = await http.PostAsJsonAsync("/users", new { email, name = "Load" }, stop.Token);
                    status = response.StatusCode;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }

                results.Enqueue((email, status, clock.Elapsed));
                if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref created);
                }
            }
        })));

        public async Task WaitForCreatedAsync(int count)
        {
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
            while (Created < count)
            {
                Assert.True(clock.Elapsed < deadline, $"{Created} of {count} created after a minute: {Summary()}");
                await Task.Delay(20, Ct);
            }
        }

        /// <summary>The time of the first 201 answered after <paramref name="after"/>.</summary>
        public async Task<TimeSpan> WaitForCreatedAfterAsync(TimeSpan after, TimeSpan timeout)
        {
            while (true)
            {
                var first = results.Where(result => result.Status == HttpStatusCode.Created && result.At > after).Select(result => result.At).DefaultIfEmpty().Min();
                if (first > TimeSpan.Zero)
                {
                    return first;
                }

                Assert.True(clock.Elapsed - after < timeout, $"no 201 within {timeout} after the database was back: {Summary()}");
                await Task.Delay(20, Ct);
            }
        }

        public async Task StopAsync(Task writing)
        {
            await stop.CancelAsync();
            await writing;
            stop.Dispose();
        }

        private string Summary() =>
            string.Join(", ", results.GroupBy(result => result.Status).Select(group => $"{(int)group.Key}: {group.Count()}"));
    }
}
