namespace Contoso.Shop.Models;

/// <summary>A product as the API returns it.</summary>
public sealed record Product(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
