using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Contoso.Platform.Api.OpenApi;

/// <summary>
/// A property marked <see cref="DisallowNullAttribute"/> may be absent but never null (as in
/// <c>UpdateUserRequest</c>): its schema says so, though its C# type is nullable.
/// </summary>
public sealed class DisallowNullSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && context.JsonPropertyInfo is { IsSetNullable: false })
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        return Task.CompletedTask;
    }
}
