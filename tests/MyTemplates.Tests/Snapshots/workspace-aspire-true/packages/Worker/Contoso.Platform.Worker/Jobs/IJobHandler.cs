using Contoso.Platform.Core.Models;

namespace Contoso.Platform.Worker.Jobs;

/// <summary>
/// Does one kind of job, registered under its kind (<c>AddKeyedScoped&lt;IJobHandler, T&gt;(kind)</c>).
/// Throwing fails the try, and the job is retried with back-off. A job runs again when a worker dies
/// holding it, so a handler should be safe to repeat (e.g. pass the job id on as an idempotency key).
/// </summary>
public interface IJobHandler
{
    Task HandleAsync(Job job, CancellationToken cancellationToken);
}
