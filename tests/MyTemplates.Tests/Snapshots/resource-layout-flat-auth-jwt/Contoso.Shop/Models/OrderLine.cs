namespace Contoso.Shop.Models;

/// <summary>One order line as the API returns it.</summary>
public sealed record OrderLine(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
