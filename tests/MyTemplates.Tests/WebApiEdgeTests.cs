using System.Net;
using System.Net.Sockets;
using MyTemplates.Tests.Infrastructure;
using static MyTemplates.Tests.Infrastructure.ProblemAssert;

namespace MyTemplates.Tests;

/// <summary>
/// The web API's edge as production has it: the published app in Production behind nginx, which passes on the
/// client's address and <c>X-Forwarded-Proto: https</c> (standing for its TLS front) and a host name that is not
/// loopback. Each client connects from its own loopback address, so nginx sees, and forwards, distinct clients.
/// </summary>
public sealed partial class WebApiDefaultEndToEndTests
{
    private const string AllowedOrigin = "https://app.example.com";
    private const string PublicHost = "api.example.com";

    [Theory]
    [InlineData("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "127.0.0.1")]
    public async Task Behind_nginx_with_every_edge_setting_on_clients_get_hsts_nosniff_cors_and_their_own_rate_limit(string proxySetting, string value)
    {
        await using var database = await AppDatabase.CreateAsync(Api);
        var port = RunningApp.FreePort();
        await using var app = Api.Start(port, new Dictionary<string, string?>(database.Settings)
        {
            [proxySetting] = value,
            ["Cors__AllowedOrigins__0"] = AllowedOrigin,
            ["RateLimiting__PermitLimit"] = "5",
            ["RateLimiting__WindowSeconds"] = "60",
        });
        using (var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            await app.WaitUntilOkAsync(direct, "/health/ready", TimeSpan.FromSeconds(90));
        }

        await using var nginx = await Nginx.StartAsync([port], forwardedProto: "https");
        using var first = ClientFrom("127.0.0.2", nginx);
        using var second = ClientFrom("127.0.0.3", nginx);
        using var browser = ClientFrom("127.0.0.4", nginx);

        // HSTS: the request reached the app as http, but the proxy says https and the app believes it.
        var served = await first.GetAsync("/users", Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.StartsWith("max-age=", string.Join(",", served.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());

        // CORS: the configured origin's preflight is allowed, and its request gets the header; another origin gets none.
        var allowed = await browser.SendAsync(Preflight(AllowedOrigin), Ct);
        Assert.True(allowed.IsSuccessStatusCode, $"{allowed.StatusCode}\n{app.Output}");
        Assert.Equal(AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", string.Join(",", allowed.Headers.GetValues("Access-Control-Allow-Methods")));
        using var fromOrigin = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "Origin", AllowedOrigin } } };
        Assert.Equal(AllowedOrigin, (await browser.SendAsync(fromOrigin, Ct)).Headers.GetValues("Access-Control-Allow-Origin").Single());
        var refused = await browser.SendAsync(Preflight("https://elsewhere.example.com"), Ct);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"), refused.ToString());

        // The rate limit: the first client's burst runs out (5 a minute; one spent above), the second is still served.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/users", Ct)).StatusCode);
        }

        var limited = await first.GetAsync("/users", Ct);
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("nosniff", limited.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/users", Ct)).StatusCode);
        // Health probes are never limited, even for a client over its budget.
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_nginx_with_every_edge_setting_off_there_is_no_hsts_cors_or_limit()
    {
        await using var database = await AppDatabase.CreateAsync(Api);
        var port = RunningApp.FreePort();
        await using var app = Api.Start(port, database.Settings);
        using (var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") })
        {
            await app.WaitUntilOkAsync(direct, "/health/ready", TimeSpan.FromSeconds(90));
        }

        await using var nginx = await Nginx.StartAsync([port], forwardedProto: "https");
        using var client = ClientFrom("127.0.0.2", nginx);

        // The proxy's X-Forwarded-Proto is not believed: the request is http, and http gets no HSTS.
        var served = await client.GetAsync("/users", Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.False(served.Headers.Contains("Strict-Transport-Security"), served.ToString());
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());

        var preflight = await client.SendAsync(Preflight(AllowedOrigin), Ct);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"), preflight.ToString());

        // Well past any small limit, one client is still served.
        for (var i = 0; i < 30; i++)
        {
            var response = await client.GetAsync("/users", Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {response.StatusCode}");
            Assert.Null(response.Headers.RetryAfter);
        }
    }

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/users")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "content-type" },
        },
    };

    /// <summary>A client that connects to nginx from <paramref name="localAddress"/> and names the public host.</summary>
    private static HttpClient ClientFrom(string localAddress, Nginx nginx)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = nginx.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { Host = PublicHost },
        };
    }
}
