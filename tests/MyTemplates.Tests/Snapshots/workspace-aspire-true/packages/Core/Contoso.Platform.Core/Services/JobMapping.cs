using System.Diagnostics;
using System.Text.Json;
using Contoso.Platform.Core.Db;
using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Core.Services;

public static class JobMapping
{
    /// <summary>
    /// A pending job, due now, that carries <paramref name="payload"/> as JSON and the trace context of the span that
    /// queues it (the request's), so that the worker's span for the job is part of the same trace.
    /// </summary>
    public static JobEntity NewJob<TPayload>(string kind, TPayload payload, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = kind,
        Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
        Status = JobStatus.Pending,
        RunAfter = now,
        CreatedAt = now,
        TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } span ? span.Id : null,
    };

    public static Job ToModel(this JobEntity job) => new(job.Id, job.Kind, job.Payload, job.Attempts, job.TraceParent);

    /// <summary>The job's payload, read back as it was written by <see cref="NewJob"/>.</summary>
    public static TPayload PayloadAs<TPayload>(this Job job) =>
        JsonSerializer.Deserialize<TPayload>(job.Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Job {job.Id} has no {typeof(TPayload).Name} payload.");
}
