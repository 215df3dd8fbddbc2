using System.Diagnostics;
using System.Diagnostics.Metrics;
using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Worker.Telemetry;

/// <summary>
/// The worker's own traces and metrics, named for it (Hosting's set-up records every source and meter of the
/// workspace's namespace): a span for each job, counts of the jobs claimed, done, retried and failed by kind, and
/// how long the oldest waiting job has been due (a queue that falls behind shows there first).
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
    /// How long the job that has waited longest for a worker has been due, as the worker last found it. The worker
    /// asks the database between batches (<see cref="JobWorker.MeasureQueueAsync"/>), only while this gauge is being
    /// collected: a gauge's callback runs on the exporter's thread and must not query the database.
    /// </summary>
    public static readonly ObservableGauge<double> OldestWaiting = Meter.CreateObservableGauge(
        "worker.jobs.pending.oldest_age", ObserveOldestWaiting, "s", "How long the job that has waited longest for a worker has been due.");

    private static double oldestWaitingSeconds = double.NaN;

    /// <summary>Keeps what <see cref="OldestWaiting"/> reports next: zero when no job is waiting.</summary>
    public static void RecordOldestWaiting(TimeSpan age) => Volatile.Write(ref oldestWaitingSeconds, age.TotalSeconds);

    private static IEnumerable<Measurement<double>> ObserveOldestWaiting() =>
        Volatile.Read(ref oldestWaitingSeconds) is var seconds && double.IsNaN(seconds) ? [] : [new(seconds)];

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
