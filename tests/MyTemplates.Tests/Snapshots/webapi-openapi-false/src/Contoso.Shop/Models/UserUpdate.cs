using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Contoso.Shop.Models;

/// <summary>
/// The body of <c>PATCH /users/{id}</c>: a field that is absent stays as it is; a field that is
/// present must be valid (<c>null</c> is not).
/// </summary>
public sealed class UserUpdate : IValidatableObject
{
    private readonly string? email;
    private readonly string? name;

    public string? Email
    {
        get => email;
        init => (email, HasEmail) = (value, true);
    }

    public string? Name
    {
        get => name;
        init => (name, HasName) = (value, true);
    }

    [JsonIgnore]
    public bool HasEmail { get; private init; }

    [JsonIgnore]
    public bool HasName { get; private init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasEmail)
        {
            if (string.IsNullOrWhiteSpace(Email))
            {
                yield return new("The email field is required.", ["email"]);
            }
            else if (Email.Length > UserRules.EmailMaxLength)
            {
                yield return new($"The email field must be at most {UserRules.EmailMaxLength} characters.", ["email"]);
            }
            else if (!Regex.IsMatch(Email, UserRules.EmailPattern))
            {
                yield return new(UserRules.EmailMessage, ["email"]);
            }
        }

        if (HasName)
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                yield return new("The name field is required.", ["name"]);
            }
            else if (Name.Length > UserRules.NameMaxLength)
            {
                yield return new($"The name field must be at most {UserRules.NameMaxLength} characters.", ["name"]);
            }
        }
    }
}
