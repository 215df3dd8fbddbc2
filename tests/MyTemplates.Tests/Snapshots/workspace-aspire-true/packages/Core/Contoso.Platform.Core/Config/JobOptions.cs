using System.ComponentModel.DataAnnotations;

namespace Contoso.Platform.Core.Config;

/// <summary>How jobs are held and retried, bound from the <c>Jobs</c> section.</summary>
public sealed class JobOptions : IValidatableObject
{
    public const string SectionName = "Jobs";

    /// <summary>Tries before a job is kept as failed with its last error.</summary>
    [Range(1, 100, ErrorMessage = "Jobs:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; each further retry waits twice as long as the one before.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Jobs:RetryDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two tries.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Jobs:MaxRetryDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a worker holds the jobs it claims. A worker that dies holding jobs loses them to
    /// another worker after this time. A working worker renews its hold between jobs once half of it
    /// has gone, so it must be more than twice as long as the longest job takes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Jobs:Lease must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult("Jobs:MaxRetryDelay must not be shorter than Jobs:RetryDelay.", [nameof(MaxRetryDelay)]);
        }
    }
}
