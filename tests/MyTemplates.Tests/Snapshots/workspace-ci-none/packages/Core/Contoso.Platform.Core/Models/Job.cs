namespace Contoso.Platform.Core.Models;

/// <summary>A job a worker has claimed: what to do (<see cref="Kind"/>, <see cref="Payload"/>) and how many tries it has had, this one included.</summary>
public sealed record Job(Guid Id, string Kind, string Payload, int Attempts);

public enum JobStatus
{
    /// <summary>Waiting for a worker (again, after a failed try).</summary>
    Pending,

    /// <summary>Done; never run again.</summary>
    Done,

    /// <summary>Failed on its last try; kept with its error.</summary>
    Failed,
}
