using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Core.Db;

/// <summary>A row of the jobs table: the outbox that the API writes and the workers empty.</summary>
public sealed class JobEntity
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>What the job needs to know, as JSON.</summary>
    public required string Payload { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>Tries so far: a worker counts one when it claims the job.</summary>
    public int Attempts { get; set; }

    /// <summary>Not to be claimed before this time (later after each failed try).</summary>
    public DateTime RunAfter { get; set; }

    /// <summary>The worker that holds the job, until <see cref="LockedUntil"/>.</summary>
    public string? LockedBy { get; set; }

    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of what queued the job (the request's span), if it was traced: the worker's span for
    /// the job continues that trace.
    /// </summary>
    public string? TraceParent { get; set; }
}
