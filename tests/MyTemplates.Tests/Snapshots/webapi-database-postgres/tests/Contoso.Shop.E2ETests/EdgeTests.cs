using System.Net;
using Contoso.Shop.Config;
using Contoso.Shop.Edge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.E2ETests;

/// <summary>The edge's settings, each on and off: forwarded headers, HSTS, nosniff, CORS and the rate limit.</summary>
public sealed class EdgeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Origin = "https://app.example.com";

    [Fact]
    public async Task Every_response_says_nosniff_and_with_every_setting_off_nothing_else_appears()
    {
        using var app = With("Production", new());
        var client = app.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            var response = await client.SendAsync(Proxied($"/users/{Guid.NewGuid()}", "203.0.113.7"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Strict-Transport-Security")); // http as the proxy saw it: forwarded headers are off
            Assert.False(response.Headers.Contains("Retry-After"));
        }

        var preflight = await client.SendAsync(Preflight(Origin), TestContext.Current.CancellationToken);
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        // Off by the defaults themselves, not merely by a limit too high for twenty requests.
        Assert.Null(app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.PermitLimit);
        Assert.False(app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled);
        Assert.Empty(app.Services.GetRequiredService<IOptions<CorsOriginsOptions>>().Value.AllowedOrigins);
    }

    [Fact]
    public async Task Behind_a_known_proxy_a_forwarded_https_request_gets_hsts_outside_development_only()
    {
        var proxy = new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };
        using var production = With("Production", proxy);
        using var development = With("Development", proxy);

        var response = await production.CreateClient().SendAsync(Proxied("/health/live", "203.0.113.7"), TestContext.Current.CancellationToken);
        var inDevelopment = await development.CreateClient().SendAsync(Proxied("/health/live", "203.0.113.7"), TestContext.Current.CancellationToken);

        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(inDevelopment.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(Origin)]
    [InlineData(Origin + "/")] // as copied from a browser's address bar; browsers send the origin without it
    public async Task Cors_preflight_is_allowed_for_a_configured_origin_only(string configured)
    {
        using var app = With("Production", new() { ["Cors:AllowedOrigins:0"] = configured });
        var client = app.CreateClient();

        var allowed = await client.SendAsync(Preflight(Origin), TestContext.Current.CancellationToken);
        var other = await client.SendAsync(Preflight("https://evil.example.com"), TestContext.Current.CancellationToken);

        Assert.Equal(Origin, Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after_while_another_client_health_and_openapi_are_still_served()
    {
        using var app = With("Production", new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:PermitLimit"] = "3",
            ["RateLimiting:WindowSeconds"] = "60",
        });
        var client = app.CreateClient();
        var path = $"/users/{Guid.NewGuid()}";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, "203.0.113.7"), TestContext.Current.CancellationToken)).StatusCode);
        }

        var limited = await client.SendAsync(Proxied(path, "203.0.113.7"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"type\":\"https://tools.ietf.org/html/rfc6585#section-4\"", await limited.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("60", Assert.Single(limited.Headers.GetValues("Retry-After"))); // the window: the longest wait

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, "198.51.100.9"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Proxied("/health/live", "203.0.113.7"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Proxied("/openapi/v1.json", "203.0.113.7"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Without_forwarded_headers_every_client_behind_the_proxy_is_the_proxy_whatever_it_claims()
    {
        using var app = With("Production", new() { ["RateLimiting:PermitLimit"] = "3" });
        var client = app.CreateClient();
        var path = $"/users/{Guid.NewGuid()}";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, $"203.0.113.{i}"), TestContext.Current.CancellationToken)).StatusCode);
        }

        // A forged X-Forwarded-For is not believed, so it buys no fresh budget.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Proxied(path, "198.51.100.9"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Ipv6_clients_are_counted_by_their_64_network()
    {
        using var app = With("Production", new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["RateLimiting:PermitLimit"] = "2",
        });
        var client = app.CreateClient();
        var path = $"/users/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, "2001:db8:1:2::10"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, "2001:db8:1:2:aaaa::20"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(Proxied(path, "2001:db8:1:2::30"), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Proxied(path, "2001:db8:1:3::10"), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("RateLimiting:PermitLimit", "-1")]
    [InlineData("RateLimiting:WindowSeconds", "0")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.local")]
    [InlineData("Cors:AllowedOrigins:0", "https://app.example.com/path")]
    public async Task Start_up_refuses_an_invalid_setting_naming_its_key(string key, string value)
    {
        // The edge's registration on a builder of the test's own: through WebApplicationFactory a start that fails can
        // surface as an ObjectDisposedException rather than its cause (the factory races the entry point's disposal).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddEdge();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], error.Message);
    }

    private WebApplicationFactory<Program> With(string environment, Dictionary<string, string?> settings) =>
        factory.WithWebHostBuilder(builder => builder
            .UseEnvironment(environment)
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings))
            // The test server has no socket: every request comes from the proxy at 127.0.0.1.
            .ConfigureServices(services => services.AddSingleton<IStartupFilter, FromLoopback>()));

    private static HttpRequestMessage Proxied(string path, string client) => new(HttpMethod.Get, path)
    {
        Headers = { { "X-Forwarded-For", client }, { "X-Forwarded-Proto", "https" }, { "Host", "api.example.com" } },
    };

    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/users")
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type" } },
    };

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
