namespace Contoso.Platform.Api.Middleware;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-ID</c> header, else the
/// request's trace identifier), returns it on the response and adds it to every log line of the request.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-ID";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = context.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(correlationId) || correlationId.Length > MaxLength)
        {
            correlationId = context.TraceIdentifier;
        }

        context.TraceIdentifier = correlationId;

        // Set as the response starts: the exception handler clears the headers of a failed request first.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        // A message-template scope: console lines read "=> CorrelationId: ..." and structured
        // providers (JSON console, OpenTelemetry) get a CorrelationId property.
        using (logger.BeginScope("CorrelationId: {CorrelationId}", correlationId))
        {
            await next(context);
        }
    }
}
