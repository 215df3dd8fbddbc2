using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Models;

/// <summary>The body of <c>POST /order-lines</c>.</summary>
public sealed record CreateOrderLineRequest
{
    [Required]
    [Length(1, OrderLineRules.NameMaxLength)]
    [RegularExpression(OrderLineRules.NamePattern, ErrorMessage = OrderLineRules.NameMessage)]
    public string Name { get; init; } = "";
}
