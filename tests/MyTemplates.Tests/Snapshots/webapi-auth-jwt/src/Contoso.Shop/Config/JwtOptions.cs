using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Config;

/// <summary>
/// The bearer-token settings under <c>Authentication:Schemes:Bearer</c>: the shape that
/// <c>dotnet user-jwts</c> writes in Development and that production sets through its environment.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Authentication:Schemes:Bearer";

    [Required(ErrorMessage = "Authentication:Schemes:Bearer:ValidIssuer is required.")]
    public string? ValidIssuer { get; set; }

    [MinLength(1, ErrorMessage = "Authentication:Schemes:Bearer:ValidAudiences needs at least one audience.")]
    public List<string> ValidAudiences { get; set; } = [];

    [MinLength(1, ErrorMessage = "Authentication:Schemes:Bearer:SigningKeys needs at least one key.")]
    public List<SigningKey> SigningKeys { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(SigningKeys[i].Value) || SigningKeys[i].Value!.Length < 44)
            {
                yield return new($"Authentication:Schemes:Bearer:SigningKeys:{i}:Value must be a base64 key of at least 32 bytes.");
            }

            if (string.IsNullOrWhiteSpace(SigningKeys[i].Issuer))
            {
                yield return new($"Authentication:Schemes:Bearer:SigningKeys:{i}:Issuer is required.");
            }
        }
    }

    public sealed class SigningKey
    {
        public string? Issuer { get; set; }

        public string? Value { get; set; }
    }
}
