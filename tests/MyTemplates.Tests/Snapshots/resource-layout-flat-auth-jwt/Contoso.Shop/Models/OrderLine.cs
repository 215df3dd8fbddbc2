namespace Contoso.Shop.Models;

/// <summary>A order line as the API returns it.</summary>
public sealed record OrderLine(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
