using System.ComponentModel.DataAnnotations;

namespace Contoso.Etl.Config;

/// <summary>The <c>Api</c> section: how the API extractor pages, waits and retries.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(1, 10)]
    public int MaxRetries { get; set; } = 4;

    [Range(1, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;
}
