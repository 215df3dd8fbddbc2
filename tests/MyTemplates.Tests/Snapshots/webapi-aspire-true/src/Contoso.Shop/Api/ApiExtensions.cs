using System.Text.Json;
using Contoso.Shop.Api.Middleware;
using Contoso.Shop.Api.OpenApi;
using Contoso.Shop.Config;
using Contoso.Shop.Edge;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Contoso.Shop.Api;

public static class ApiExtensions
{
    /// <summary>Registers the HTTP layer: problem details, validation, body limits, OpenAPI and authentication.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
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

    /// <summary>
    /// A group for the endpoints that change data. It is the one place where writes get their access
    /// rules, for every resource.
    /// </summary>
    public static RouteGroupBuilder MapWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapGroup("");
        return writes;
    }

    private static string ToJsonName(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
