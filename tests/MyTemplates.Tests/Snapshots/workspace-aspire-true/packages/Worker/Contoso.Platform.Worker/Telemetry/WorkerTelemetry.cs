using System.Diagnostics;
using System.Diagnostics.Metrics;
using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Worker.Telemetry;

/// <summary>
/// The worker's own traces and metrics, named for it (Hosting's set-up records every source and meter of the
/// workspace's namespace): a span for each job, and counts of the jobs claimed, done, retried and failed by kind.
/// </summary>
public static class WorkerTelemetry
{
    public const string Name = "Contoso.Platform.Worker";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Claimed = Meter.CreateCounter<long>("worker.jobs.claimed", "{job}", "Jobs claimed, each try counted.");

    public static readonly Counter<long> Done = Meter.CreateCounter<long>("worker.jobs.done", "{job}", "Jobs whose handler finished.");

    public static readonly Counter<long> Retried = Meter.CreateCounter<long>("worker.jobs.retried", "{job}", "Tries that failed and left the job to run again later.");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("worker.jobs.failed", "{job}", "Jobs that failed on their last try.");

    /// <summary>
    /// Starts the span of one try of <paramref name="job"/>. Its parent is the span that queued the job (the request's,
    /// from the job's <c>traceparent</c>), so that one trace shows <c>POST /users</c>, the job and what the job did,
    /// however much later it runs. A parent rather than a span link: each job is queued by exactly one request and
    /// worked for it, and a linked trace is one that most viewers (the Aspire dashboard's among them) do not show
    /// beside the request. A job queued without a trace starts a trace of its own.
    /// </summary>
    public static Activity? StartJob(Job job)
    {
        ActivityContext.TryParse(job.TraceParent, null, isRemote: true, out var parent);
        var span = Source.StartActivity($"process {job.Kind}", ActivityKind.Consumer, parent);
        span?.SetTag("messaging.operation.type", "process");
        span?.SetTag("messaging.message.id", job.Id.ToString());
        span?.SetTag("job.kind", job.Kind);
        span?.SetTag("job.attempt", job.Attempts);
        return span;
    }

    /// <summary>The tags every count carries: the job's kind.</summary>
    public static KeyValuePair<string, object?> KindOf(Job job) => new("job.kind", job.Kind);
}
