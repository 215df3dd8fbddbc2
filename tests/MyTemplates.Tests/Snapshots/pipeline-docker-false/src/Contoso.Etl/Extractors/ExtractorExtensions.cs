using Contoso.Etl.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Contoso.Etl.Extractors;

public static class ExtractorExtensions
{
    /// <summary>
    /// The API extractor's HttpClient, with the standard resilience handler: a time-out per attempt and
    /// in all, and retries with exponential back-off and jitter on 5xx, 408, 429 and time-outs.
    /// </summary>
    public static IServiceCollection AddApiExtractor(this IServiceCollection services, Uri baseAddress)
    {
        // The HttpClient's own 100 s time-out is off: the resilience handler's time-outs below are the ones that apply.
        services.AddHttpClient<ApiExtractor>(client => (client.BaseAddress, client.Timeout) = (baseAddress, Timeout.InfiniteTimeSpan))
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var api = provider.GetRequiredService<IOptions<ApiOptions>>().Value;
                var attempt = TimeSpan.FromSeconds(api.TimeoutSeconds);
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.CircuitBreaker.SamplingDuration = attempt * 2;
                resilience.Retry.MaxRetryAttempts = api.MaxRetries;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(api.RetryBaseDelayMilliseconds);
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.TotalRequestTimeout.Timeout = attempt * (api.MaxRetries + 2);
            });
        return services;
    }
}
