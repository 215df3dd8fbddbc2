using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Contoso.Platform.Api.Config;

/// <summary>
/// The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app believes, bound from the
/// <c>ForwardedHeaders</c> section. Empty (the default) with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> unset: off.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of the proxies in front of the app, e.g. 10.0.0.5.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. 10.0.0.0/8.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new($"ForwardedHeaders:KnownProxies:{i} must be an IP address, not '{KnownProxies[i]}'.");
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new($"ForwardedHeaders:KnownNetworks:{i} must be a network in CIDR notation (e.g. 10.0.0.0/8), not '{KnownNetworks[i]}'.");
            }
        }
    }
}

/// <summary>The origins browsers may call the API from, bound from the <c>Cors</c> section. Empty (the default): none.</summary>
public sealed class CorsOriginsOptions : IValidatableObject
{
    public const string SectionName = "Cors";

    public List<string> AllowedOrigins { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            if (!IsOrigin(AllowedOrigins[i]))
            {
                yield return new($"Cors:AllowedOrigins:{i} must be an absolute origin (scheme, host and optional port, e.g. https://app.example.com), not '{AllowedOrigins[i]}'.");
            }
        }
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && string.Equals(value.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Requests each client may make per window, bound from the <c>RateLimiting</c> section. No
/// <c>PermitLimit</c> (the default): no limit.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting";

    [Range(1, int.MaxValue, ErrorMessage = "RateLimiting:PermitLimit must be a positive number of requests.")]
    public int? PermitLimit { get; set; }

    [Range(1, 24 * 60 * 60, ErrorMessage = "RateLimiting:WindowSeconds must be between 1 and 86400.")]
    public int WindowSeconds { get; set; } = 60;
}
