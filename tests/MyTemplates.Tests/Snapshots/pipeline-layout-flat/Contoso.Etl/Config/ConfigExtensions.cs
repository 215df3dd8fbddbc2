using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Config;

public static class ConfigExtensions
{
    /// <summary>Binds the settings and validates them at start-up; an invalid one stops the app with a message naming the key.</summary>
    public static IServiceCollection AddPipelineSettings(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("Default"))
            .ValidateOnStart();
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Each invalid setting named by its configuration key (e.g. <c>Pipeline:BatchSize</c>), when
    /// <paramref name="exception"/> is a failed validation of the settings (or several, from start-up validation); else null.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => Describe(invalid),
        AggregateException { InnerExceptions: var inner } when inner.All(failure => failure is OptionsValidationException) =>
            string.Join("; ", inner.Cast<OptionsValidationException>().Select(Describe)),
        _ => null,
    };

    private static string Describe(OptionsValidationException exception)
    {
        var section = exception.OptionsType == typeof(ApiOptions) ? ApiOptions.SectionName : PipelineOptions.SectionName;
        return string.Join("; ", exception.Failures.Select(failure => failure.Split(": ", 2) switch
        {
            [nameof(PipelineOptions.ConnectionString), var message] => message,
            [var member, var message] => $"{section}:{member}: {message}",
            _ => failure,
        }));
    }
}

/// <summary>Validation code generated at build time from the data annotations.</summary>
[OptionsValidator]
public sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>;

[OptionsValidator]
public sealed partial class ApiOptionsValidator : IValidateOptions<ApiOptions>;
