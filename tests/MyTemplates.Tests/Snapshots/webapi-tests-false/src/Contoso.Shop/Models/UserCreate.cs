using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /users</c>.</summary>
public sealed record UserCreate
{
    [Required]
    [MaxLength(UserRules.EmailMaxLength)]
    [RegularExpression(UserRules.EmailPattern, ErrorMessage = UserRules.EmailMessage)]
    public string Email { get; init; } = "";

    [Required]
    [MaxLength(UserRules.NameMaxLength)]
    public string Name { get; init; } = "";
}
