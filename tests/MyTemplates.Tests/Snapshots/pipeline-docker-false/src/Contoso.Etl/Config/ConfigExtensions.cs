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

    /// <summary>Names each invalid setting by its configuration key, e.g. <c>Pipeline:BatchSize</c>.</summary>
    public static string Describe(OptionsValidationException exception)
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
