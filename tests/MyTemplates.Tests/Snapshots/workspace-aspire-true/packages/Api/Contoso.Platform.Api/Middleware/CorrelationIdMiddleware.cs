using System.Diagnostics;

namespace Contoso.Platform.Api.Middleware;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-ID</c> header when it is a valid one (at most
/// 128 letters, digits and <c>-_.:</c>), else the request's trace id. It is returned on every response, in problem
/// details (<c>correlationId</c>) and on every log line of the request. The trace itself is W3C Trace Context's: an
/// incoming <c>traceparent</c> continues the caller's trace, and <see cref="HttpContext.TraceIdentifier"/> is its trace
/// id; no client header becomes either.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-ID";
    private const int MaxLength = 128;
    private static readonly object ItemKey = new();

    /// <summary>The request's correlation id, once this middleware has run (else its trace identifier).</summary>
    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string correlationId ? correlationId : context.TraceIdentifier;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is { } activity)
        {
            context.TraceIdentifier = activity.TraceId.ToHexString();
        }

        var header = context.Request.Headers[HeaderName].ToString();
        var correlationId = IsValid(header) ? header : context.TraceIdentifier;
        context.Items[ItemKey] = correlationId;

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

    private static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
