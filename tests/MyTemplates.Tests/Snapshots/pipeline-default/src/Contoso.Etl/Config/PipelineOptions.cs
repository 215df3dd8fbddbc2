using System.ComponentModel.DataAnnotations;

namespace Contoso.Etl.Config;

/// <summary>The <c>Pipeline</c> section, plus <c>ConnectionStrings:Default</c>.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    [Required(ErrorMessage = "ConnectionStrings:Default is required (environment variable ConnectionStrings__Default).")]
    public string? ConnectionString { get; set; }

    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;

    [Range(1, 100)]
    public int QueuedBatches { get; set; } = 1;
}
