using System.ComponentModel.DataAnnotations;

namespace Contoso.Platform.Api.Config;

/// <summary>Limits of the HTTP API, bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    [Range(1, 100 * 1024 * 1024, ErrorMessage = "Api:MaxRequestBodyBytes must be between 1 and 104857600.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
