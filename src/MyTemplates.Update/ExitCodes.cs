namespace MyTemplates.Update;

public static class ExitCodes
{
    /// <summary>Updated, or nothing to do, with no conflict.</summary>
    public const int Success = 0;

    /// <summary>Conflicts to resolve, or a failure (explained).</summary>
    public const int Failure = 1;

    /// <summary>A usage error: nothing was written.</summary>
    public const int Usage = 2;

    /// <summary><c>update --check</c>: the feeds have a newer version of the template than the solution was made with.</summary>
    public const int NewerAvailable = 3;
}

/// <summary>The user asked for something that cannot be done as asked; nothing was written (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Something failed on the way (exit code 1).</summary>
public sealed class UpdateException(string message) : Exception(message);
