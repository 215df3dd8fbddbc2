using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /products</c>.</summary>
public sealed record CreateProductRequest
{
    [Required]
    [Length(1, ProductRules.NameMaxLength)]
    [RegularExpression(ProductRules.NamePattern, ErrorMessage = ProductRules.NameMessage)]
    public string Name { get; init; } = "";
}
