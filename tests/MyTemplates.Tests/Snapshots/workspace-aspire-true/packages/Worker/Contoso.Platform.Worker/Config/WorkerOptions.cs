using System.ComponentModel.DataAnnotations;

namespace Contoso.Platform.Worker.Config;

/// <summary>How the worker asks for jobs, bound from the <c>Worker</c> section.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>Jobs claimed at a time; they are run one after another under one lease (<c>Jobs:Lease</c>).</summary>
    [Range(1, 1000, ErrorMessage = "Worker:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 20;

    /// <summary>The wait before asking again when there was nothing to do: what an idle worker costs the database.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Worker:PollInterval must be between 00:00:00.010 and 01:00:00.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
