namespace Contoso.Platform.Core.Models;

/// <summary>A user as the API returns it.</summary>
public sealed record User(Guid Id, string Email, string Name, DateTime CreatedAt, DateTime UpdatedAt);
