using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Contoso.Shop.Config;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Contoso.Shop.Edge;

/// <summary>
/// What the API does at its edge, each part from configuration with a safe default: the proxy's forwarded
/// headers, HSTS and nosniff, CORS for the configured origins and a per-client rate limit.
/// </summary>
public static class EdgeExtensions
{
    private const string CorsPolicy = "AllowedOrigins";

    /// <summary>Binds and validates the edge's settings and registers CORS and the rate limiter.</summary>
    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CorsOriginsOptions>().BindConfiguration(CorsOriginsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // Configured from the validated options when first used, after every configuration source is in.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((options, settings) =>
        {
            var proxies = settings.Value;
            if (!proxies.Enabled)
            {
                return; // ASPNETCORE_FORWARDEDHEADERS_ENABLED's own settings, when it is set.
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CorsOriginsOptions>>((options, settings) =>
            options.AddPolicy(CorsPolicy, policy => policy
                // As browsers send an origin: without a trailing slash (which the setting may have).
                .WithOrigins([.. settings.Value.AllowedOrigins.Select(origin => origin.TrimEnd('/'))])
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders("Location", "Retry-After", "X-Correlation-ID")));

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, settings) =>
        {
            var limit = settings.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limit.PermitLimit is not { } permits || IsNeverLimited(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
                        QueueLimit = 0,
                    }));
            options.OnRejected = (context, _) => RejectAsync(context, limit.WindowSeconds);
        });

        return builder;
    }

    /// <summary>
    /// Adds the edge's middleware, outermost first: forwarded headers (so everything after sees the client's
    /// address and scheme), HSTS outside Development, nosniff and CORS. The rate limiter comes later, in
    /// <see cref="UseRateLimits"/>, once the client is known.
    /// </summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED makes the framework add this middleware itself, first of all.
        var proxies = app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxies.Enabled && !app.Configuration.GetValue<bool>("FORWARDEDHEADERS_ENABLED"))
        {
            app.UseForwardedHeaders();
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            // On the response however it ends: the exception handler clears headers set before it, not this.
            context.Response.OnStarting(static state =>
            {
                ((HttpResponse)state).Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        app.UseCors(CorsPolicy);
        return app;
    }

    /// <summary>
    /// Adds the per-client rate limiter. It goes after authentication, so that a signed-in client is counted as
    /// its user, and before authorization, so that a client refused access still spends its budget.
    /// </summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The health probes and the OpenAPI document: a probe or a client generator is never turned away.</summary>
    private static bool IsNeverLimited(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

    /// <summary>
    /// The authenticated user when there is one, else the client's address after the forwarded headers (the
    /// proxy's when they are off).
    /// </summary>
    private static string ClientOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
        && (context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.User.FindFirstValue("sub")) is { } user
            ? "user:" + user
            : AddressOf(context.Connection.RemoteIpAddress);

    /// <summary>
    /// An IPv4 address as itself (also when it arrives IPv4-mapped), an IPv6 address as its /64 network: one
    /// subscriber is usually given a whole /64, so counting each of its addresses would let it multiply its budget.
    /// </summary>
    private static string AddressOf(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return "ip:" + address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return "ip:" + new IPAddress(bytes) + "/64";
    }

    /// <summary>
    /// 429 problem details. <c>Retry-After</c> is the window's length: the fixed-window limiter does not say when the
    /// client's window ends, only that it does within one window, so this is the longest the client may have to wait.
    /// </summary>
    private static async ValueTask RejectAsync(OnRejectedContext context, int windowSeconds)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : windowSeconds;
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client made more requests than the limit allows; try again within {Math.Max(1, retryAfter)} s.",
            },
        });
    }
}
