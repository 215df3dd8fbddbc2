namespace Contoso.Etl.Models;

/// <summary>A clean user, ready to load: every field valid, the timestamp in UTC.</summary>
public sealed record User(string Id, string Email, string Name, DateTimeOffset CreatedAt);
