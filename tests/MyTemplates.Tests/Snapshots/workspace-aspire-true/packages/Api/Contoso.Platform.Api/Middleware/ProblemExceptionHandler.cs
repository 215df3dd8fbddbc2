using Contoso.Platform.Core;
using Contoso.Platform.Core.Db;
using Microsoft.AspNetCore.Diagnostics;

namespace Contoso.Platform.Api.Middleware;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: a bad request keeps its status (400, 413, 415),
/// a conflict is 409, a database without its schema or out of reach is 503 with Retry-After, and
/// anything unexpected is a 500 that shows no internals outside Development.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException badRequest => (badRequest.StatusCode, "The request is not valid.", badRequest.Message),
            ConflictException conflict => (StatusCodes.Status409Conflict, "The request conflicts with the current state.", conflict.Message),
            _ when exception.IsMissingSchema() => (StatusCodes.Status503ServiceUnavailable, "The database is not ready.",
                "Its schema is missing or out of date: the database migrations have not been applied."),
            _ when exception.IsDatabaseUnavailable() => (StatusCodes.Status503ServiceUnavailable, "The database is not available.",
                "Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // Expected while the database restarts or is migrated: one line, no stack trace. Clients and proxies get a
            // hint that the same request may succeed in a few seconds.
            logger.LogWarning("Request {Method} {Path} failed with {Status}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, status, exception.Message);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", httpContext.Request.Method, httpContext.Request.Path, status);
        }

        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
