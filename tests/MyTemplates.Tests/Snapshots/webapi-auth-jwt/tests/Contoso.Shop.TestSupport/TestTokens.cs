using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Contoso.Shop.TestSupport;

/// <summary>
/// Bearer tokens the app accepts in tests, as it accepts one from <c>dotnet user-jwts</c>: signed with a key of
/// the test run's own, which <see cref="Settings"/> tell the app to trust.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "e2e-tests";
    public const string Audience = "e2e-tests-api";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The app's settings, by configuration key, that make it accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(SigningKey),
    };

    /// <summary>A token for <paramref name="subject"/>, valid for an hour (longer than any test run).</summary>
    public static string For(string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(SigningKey), SecurityAlgorithms.HmacSha256),
    });
}
