using Company.WebApi.Api.Middleware;
using System.Text.Json;
using Company.WebApi.Config;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
#if (EnableOpenApi)
using Scalar.AspNetCore;
#endif

namespace Company.WebApi.Api;

public static class ApiExtensions
{
    /// <summary>Registers the HTTP layer: problem details, validation, body limits, OpenAPI and authentication.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = context.HttpContext.TraceIdentifier;
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
#if (EnableOpenApi)

        builder.Services.AddOpenApi(options =>
        {
#if (UseJwt)
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
#endif
        });
#endif
#if (UseJwt)

        builder.AddJwtAuthentication();
#endif

        return builder;
    }

    /// <summary>Adds the middleware, outermost first, and the OpenAPI endpoints.</summary>
    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
#if (UseJwt)
        app.UseAuthentication();
        app.UseAuthorization();
#endif
#if (EnableOpenApi)

        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            // The API reference UI at /scalar/v1.
            app.MapScalarApiReference();
        }
#endif

        return app;
    }

    private static string ToJsonName(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
