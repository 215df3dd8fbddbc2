namespace Contoso.Tool.Core;

/// <summary>The process exit codes, as scripts see them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and something went wrong (one line on stderr says what).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown command or option, missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
