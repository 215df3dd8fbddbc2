using System.ComponentModel.DataAnnotations;
using Contoso.Platform.Core.Config;

namespace Contoso.Platform.Core.Tests;

/// <summary>The Jobs settings' own rules, which start-up applies (ValidateOnStart) before any job is claimed.</summary>
public sealed class JobOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Validate(new JobOptions()));

    [Fact]
    public void A_longest_wait_shorter_than_the_first_is_refused_by_name()
    {
        var errors = Validate(new JobOptions { RetryDelay = TimeSpan.FromMinutes(5), MaxRetryDelay = TimeSpan.FromMinutes(1) });

        Assert.Contains("Jobs:MaxRetryDelay", Assert.Single(errors).ErrorMessage);
    }

    private static List<ValidationResult> Validate(JobOptions options)
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true);
        return errors;
    }
}
