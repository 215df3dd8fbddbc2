using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /order-lines</c>.</summary>
public sealed record CreateOrderLineRequest
{
    // The display name is the JSON name, so that every message names the field as clients send it (name), as the error keys do.
    [Display(Name = "name")]
    [Required]
    [Length(1, OrderLineRules.NameMaxLength)]
    [RegularExpression(OrderLineRules.NamePattern, ErrorMessage = OrderLineRules.NameMessage)]
    public string Name { get; init; } = "";
}
