using Contoso.Etl.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Loaders;

public static class LoaderExtensions
{
    /// <summary>The table loader, on <c>ConnectionStrings:Default</c>, which start-up checks before anything is loaded.</summary>
    public static IServiceCollection AddLoader(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<PipelineOptions>, ConnectionStringValidator>();
        return services.AddSingleton<ITableLoader>(provider =>
            new TableLoader(provider.GetRequiredService<IOptions<PipelineOptions>>().Value.ConnectionString!));
    }

    private sealed class ConnectionStringValidator : IValidateOptions<PipelineOptions>
    {
        public ValidateOptionsResult Validate(string? name, PipelineOptions options) =>
            options.ConnectionString is { } connectionString && TableLoader.Check(connectionString) is { } problem
                ? ValidateOptionsResult.Fail($"{nameof(PipelineOptions.ConnectionString)}: ConnectionStrings:Default is not a valid connection string: {problem}")
                : ValidateOptionsResult.Success;
    }
}
