using System.ComponentModel.DataAnnotations;

namespace Contoso.Platform.Core.Models;

/// <summary>The body of <c>POST /users</c>.</summary>
public sealed record CreateUserRequest
{
    // The display name is the JSON name, so that every message names the field as clients send it (email), as the error keys do.
    [Display(Name = "email")]
    [Required]
    [MaxLength(UserRules.EmailMaxLength)]
    [RegularExpression(UserRules.EmailPattern, ErrorMessage = UserRules.EmailMessage)]
    public string Email { get; init; } = "";

    [Display(Name = "name")]
    [Required]
    [Length(1, UserRules.NameMaxLength)]
    [RegularExpression(UserRules.NamePattern, ErrorMessage = UserRules.NameMessage)]
    public string Name { get; init; } = "";
}
