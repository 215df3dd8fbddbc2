namespace MyTemplates.Update;

/// <summary>What the user asked for: <paramref name="Settings"/> are <c>OPTION=VALUE</c> pairs as typed.</summary>
public sealed record UpdateRequest(string Root, string? ToVersion, IReadOnlyList<string> Sources, IReadOnlyList<string> Settings, bool DryRun);
