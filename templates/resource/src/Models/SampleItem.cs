namespace Company.WebApi.Models;

/// <summary>One sample item as the API returns it.</summary>
public sealed record SampleItem(Guid Id, string Name, DateTime CreatedAt, DateTime UpdatedAt);
