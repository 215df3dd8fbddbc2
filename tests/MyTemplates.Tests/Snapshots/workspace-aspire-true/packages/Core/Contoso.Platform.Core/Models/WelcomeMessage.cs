namespace Contoso.Platform.Core.Models;

/// <summary>The job created with every user: send them a welcome message.</summary>
public sealed record WelcomeMessage(Guid UserId, string Email, string Name)
{
    public const string Kind = "welcome-message";
}
