namespace Contoso.Platform.Api;

/// <summary>A route group's tag and what it stands for, shown in the OpenAPI document's tag list.</summary>
public sealed record TagDescription(string Name, string Description);

public static class TagDescriptionExtensions
{
    /// <summary>Tags every endpoint of the group and describes the tag in the OpenAPI document.</summary>
    public static RouteGroupBuilder WithTag(this RouteGroupBuilder group, string name, string description) =>
        group.WithTags(name).WithMetadata(new TagDescription(name, description));
}
