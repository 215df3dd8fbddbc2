using System.ComponentModel.DataAnnotations;

namespace Contoso.Platform.Core.Models;

/// <summary>The body of <c>POST /users</c>.</summary>
public sealed record CreateUserRequest
{
    [Required]
    [MaxLength(UserRules.EmailMaxLength)]
    [RegularExpression(UserRules.EmailPattern, ErrorMessage = UserRules.EmailMessage)]
    public string Email { get; init; } = "";

    [Required]
    [Length(1, UserRules.NameMaxLength)]
    [RegularExpression(UserRules.NamePattern, ErrorMessage = UserRules.NameMessage)]
    public string Name { get; init; } = "";
}
