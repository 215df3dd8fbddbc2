namespace Contoso.Platform.Core.Models;

/// <summary>
/// A job a worker has claimed: what to do (<see cref="Kind"/>, <see cref="Payload"/>), how many tries it has had, this one
/// included, and the W3C <see cref="TraceParent"/> of what queued it, if that was traced.
/// </summary>
public sealed record Job(Guid Id, string Kind, string Payload, int Attempts, string? TraceParent = null);

public enum JobStatus
{
    /// <summary>Waiting for a worker (again, after a failed try).</summary>
    Pending,

    /// <summary>Done; never run again.</summary>
    Done,

    /// <summary>Failed on its last try; kept with its error.</summary>
    Failed,
}
