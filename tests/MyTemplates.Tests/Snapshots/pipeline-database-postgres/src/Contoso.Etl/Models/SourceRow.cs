namespace Contoso.Etl.Models;

/// <summary>
/// One row as a source gave it: the four fields the pipeline uses, and every original field with
/// its header, so that a rejected row can be written back exactly as it came.
/// </summary>
public sealed record SourceRow(
    long Number,
    string Id,
    string Email,
    string Name,
    string CreatedAt,
    IReadOnlyList<string> Header,
    IReadOnlyList<string> Fields);
