namespace Contoso.Shop.Models;

/// <summary>One person as the API returns it.</summary>
public sealed record Person(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
