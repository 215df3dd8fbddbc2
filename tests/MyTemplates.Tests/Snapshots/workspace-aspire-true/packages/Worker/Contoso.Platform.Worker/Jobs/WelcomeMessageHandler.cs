using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Services;

namespace Contoso.Platform.Worker.Jobs;

/// <summary>Sends a new user their welcome message. The sample writes it to the log: call your e-mail service here.</summary>
public sealed partial class WelcomeMessageHandler(ILogger<WelcomeMessageHandler> logger) : IJobHandler
{
    public Task HandleAsync(Job job, CancellationToken cancellationToken)
    {
        var message = job.PayloadAs<WelcomeMessage>();
        LogSent(job.Id, message.UserId, message.Email);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent the welcome message of job {JobId} to user {UserId} at {Email}")]
    private partial void LogSent(Guid jobId, Guid userId, string email);
}
