using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Contoso.Shop.Models;

/// <summary>
/// The body of <c>PATCH /people/{id}</c>: a field that is absent stays as it is; a field that is
/// present obeys the same rules as in <see cref="CreatePersonRequest"/> (and <c>null</c> is not allowed).
/// </summary>
public sealed record UpdatePersonRequest : IValidatableObject
{
    // The display name is the JSON name, so that every message names the field as clients send it (name), as the error keys do.
    [Display(Name = "name")]
    [DisallowNull]
    [Length(1, PersonRules.NameMaxLength)]
    [RegularExpression(PersonRules.NamePattern, ErrorMessage = PersonRules.NameMessage)]
    public string? Name
    {
        get;
        init => (field, HasName) = (value, true);
    }

    [JsonIgnore]
    public bool HasName { get; private init; }

    // Validation attributes let null through ([DisallowNull] only informs the compiler and the OpenAPI document).
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasName && Name is null)
        {
            yield return new("The name field must not be null.", ["name"]);
        }
    }
}
