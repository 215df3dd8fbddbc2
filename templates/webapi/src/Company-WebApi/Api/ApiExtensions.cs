using System.Text.Json;
using Company.WebApi.Api.Middleware;
#if (EnableOpenApi)
using Company.WebApi.Api.OpenApi;
#endif
#if (UseJwt && EnableOpenApi)
using Microsoft.AspNetCore.OpenApi;
#endif
using Company.WebApi.Config;
using Company.WebApi.Edge;
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
#if (EnableOpenApi)

        builder.Services.AddOptions<ApiDocumentOptions>().BindConfiguration(ApiDocumentOptions.SectionName);
        builder.Services.AddOpenApi(options => options
            .AddDocumentTransformer<ApiDocumentTransformer>()
            .AddSchemaTransformer<DisallowNullSchemaTransformer>());
#endif
#if (UseJwt)

        builder.AddJwtAuthentication();
#endif
#if (UseJwt && EnableOpenApi)

        // The bearer scheme, and the operations that need a token, in the OpenAPI document.
        builder.Services.ConfigureAll<OpenApiOptions>(options => options
            .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddOperationTransformer<BearerSecuritySchemeTransformer>());
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
#endif
        app.UseRateLimits();
#if (UseJwt)
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

    /// <summary>
    /// A group for the endpoints that change data. It is the one place where writes get their access
    /// rules, for every resource.
    /// </summary>
    public static RouteGroupBuilder MapWrites(this RouteGroupBuilder group)
    {
        var writes = group.MapGroup("");
#if (UseJwt)
        writes.RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
#endif
        return writes;
    }

    private static string ToJsonName(string path) =>
        string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
