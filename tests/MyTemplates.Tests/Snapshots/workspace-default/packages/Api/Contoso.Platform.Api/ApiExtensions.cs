using System.Text.Json;
using Contoso.Platform.Api.Config;
using Contoso.Platform.Api.Edge;
using Contoso.Platform.Api.Health;
using Contoso.Platform.Api.Middleware;
using Contoso.Platform.Api.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Contoso.Platform.Api;

public static class ApiExtensions
{
    /// <summary>Registers the HTTP layer: its settings, problem details, validation, body limits, health checks and OpenAPI.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Of(context.HttpContext);
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                // Key validation errors by the JSON field names clients send (email), not the C# ones (Email).
                validation.Errors = validation.Errors.ToDictionary(error => ToJsonName(error.Key), error => error.Value);
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddValidation();

        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);

        // A database that hangs (frozen, or a network that drops packets) makes the probe fail in time instead of hanging.
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));

        builder.Services.AddOptions<ApiDocumentOptions>().BindConfiguration(ApiDocumentOptions.SectionName);
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<ApiDocumentTransformer>()
            .AddSchemaTransformer<DisallowNullSchemaTransformer>());

        return builder;
    }

    /// <summary>Adds the middleware, outermost first, and the OpenAPI endpoints.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimits();

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            // The API reference UI at /scalar/v1.
            app.MapScalarApiReference();
        }

        return app;
    }

    private static string ToJsonName(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
