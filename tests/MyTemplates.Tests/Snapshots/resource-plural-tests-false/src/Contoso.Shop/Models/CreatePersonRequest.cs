using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /people</c>.</summary>
public sealed record CreatePersonRequest
{
    // The display name is the JSON name, so that every message names the field as clients send it (name), as the error keys do.
    [Display(Name = "name")]
    [Required]
    [Length(1, PersonRules.NameMaxLength)]
    [RegularExpression(PersonRules.NamePattern, ErrorMessage = PersonRules.NameMessage)]
    public string Name { get; init; } = "";
}
