using Contoso.Platform.Api.Config;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Contoso.Platform.Api.OpenApi;

/// <summary>
/// Completes the generated document: description, contact and licence from the <c>OpenApi</c>
/// section, each tag's description from its route group, server URLs without a trailing slash, and
/// an explicit "no credentials" on every operation that needs none.
/// </summary>
public sealed class ApiDocumentTransformer(IOptions<ApiDocumentOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description = options.Value.Description;
        document.Info.Contact = options.Value.Contact;
        document.Info.License = options.Value.License;

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        var tagDescriptions = context.DescriptionGroups
            .SelectMany(group => group.Items)
            .SelectMany(api => api.ActionDescriptor.EndpointMetadata.OfType<TagDescription>())
            .DistinctBy(tag => tag.Name)
            .ToDictionary(tag => tag.Name, tag => tag.Description);
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description ??= tagDescriptions.GetValueOrDefault(tag.Name ?? "");
        }

        var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        foreach (var operation in operations)
        {
            operation.Security ??= [];
        }

        return Task.CompletedTask;
    }
}
