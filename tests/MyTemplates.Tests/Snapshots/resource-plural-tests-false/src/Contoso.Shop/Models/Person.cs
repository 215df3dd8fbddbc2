namespace Contoso.Shop.Models;

/// <summary>A person as the API returns it.</summary>
public sealed record Person(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
