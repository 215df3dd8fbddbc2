namespace Contoso.Shop.Models;

/// <summary>One product as the API returns it.</summary>
public sealed record Product(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
