using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Contoso.Platform.Core.Models;

/// <summary>
/// The body of <c>PATCH /users/{id}</c>: a field that is absent stays as it is; a field that is
/// present obeys the same rules as in <see cref="CreateUserRequest"/> (and <c>null</c> is not allowed).
/// </summary>
public sealed record UpdateUserRequest : IValidatableObject
{
    // The display name is the JSON name, so that every message names the field as clients send it (email), as the error keys do.
    [Display(Name = "email")]
    [DisallowNull]
    [MaxLength(UserRules.EmailMaxLength)]
    [RegularExpression(UserRules.EmailPattern, ErrorMessage = UserRules.EmailMessage)]
    public string? Email
    {
        get;
        init => (field, HasEmail) = (value, true);
    }

    [Display(Name = "name")]
    [DisallowNull]
    [Length(1, UserRules.NameMaxLength)]
    [RegularExpression(UserRules.NamePattern, ErrorMessage = UserRules.NameMessage)]
    public string? Name
    {
        get;
        init => (field, HasName) = (value, true);
    }

    [JsonIgnore]
    public bool HasEmail { get; private init; }

    [JsonIgnore]
    public bool HasName { get; private init; }

    // Validation attributes let null through ([DisallowNull] only informs the compiler and the OpenAPI document).
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasEmail && Email is null)
        {
            yield return new("The email field must not be null.", ["email"]);
        }

        if (HasName && Name is null)
        {
            yield return new("The name field must not be null.", ["name"]);
        }
    }
}
