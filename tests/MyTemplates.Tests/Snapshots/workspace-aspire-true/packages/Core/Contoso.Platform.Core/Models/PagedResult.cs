namespace Contoso.Platform.Core.Models;

/// <summary>One page of a list: the items, how many there are in all, and where this page is.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int Size);
