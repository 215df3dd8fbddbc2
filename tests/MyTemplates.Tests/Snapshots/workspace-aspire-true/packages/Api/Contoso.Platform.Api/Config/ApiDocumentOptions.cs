using Microsoft.OpenApi;

namespace Contoso.Platform.Api.Config;

/// <summary>What the OpenAPI document says about the API and who runs it, bound from the <c>OpenApi</c> section.</summary>
public sealed class ApiDocumentOptions
{
    public const string SectionName = "OpenApi";

    public string? Description { get; set; }

    public OpenApiContact? Contact { get; set; }

    public OpenApiLicense? License { get; set; }
}
