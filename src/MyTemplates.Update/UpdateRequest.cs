namespace MyTemplates.Update;

/// <summary>
/// What the user asked for: <paramref name="Settings"/> are <c>OPTION=VALUE</c> pairs as typed; <paramref name="Check"/> only compares
/// the recorded version with the newest the feeds have.
/// </summary>
public sealed record UpdateRequest(string Root, string? ToVersion, IReadOnlyList<string> Sources, IReadOnlyList<string> Settings, bool DryRun,
    bool Check = false);
