using Contoso.Platform.Core;
using Contoso.Platform.Core.Db;
using Microsoft.AspNetCore.Diagnostics;

namespace Contoso.Platform.Api.Middleware;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: a bad request keeps its status (400, 413, 415),
/// a conflict is 409, a database without its schema is 503, and anything unexpected is a 500 that
/// shows no internals outside Development.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException badRequest => (badRequest.StatusCode, "The request is not valid.", badRequest.Message),
            ConflictException conflict => (StatusCodes.Status409Conflict, "The request conflicts with the current state.", conflict.Message),
            _ when exception.IsMissingSchema() => (StatusCodes.Status503ServiceUnavailable, "The database is not ready.",
                "Its schema is missing or out of date: the database migrations have not been applied."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred.", null),
        };

        if (status >= StatusCodes.Status500InternalServerError)
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
