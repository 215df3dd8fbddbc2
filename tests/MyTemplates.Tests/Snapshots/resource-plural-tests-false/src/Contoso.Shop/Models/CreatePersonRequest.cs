using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /people</c>.</summary>
public sealed record CreatePersonRequest
{
    [Required]
    [Length(1, PersonRules.NameMaxLength)]
    [RegularExpression(PersonRules.NamePattern, ErrorMessage = PersonRules.NameMessage)]
    public string Name { get; init; } = "";
}
