using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /products</c>.</summary>
public sealed record CreateProductRequest
{
    // The display name is the JSON name, so that every message names the field as clients send it (name), as the error keys do.
    [Display(Name = "name")]
    [Required]
    [Length(1, ProductRules.NameMaxLength)]
    [RegularExpression(ProductRules.NamePattern, ErrorMessage = ProductRules.NameMessage)]
    public string Name { get; init; } = "";
}
