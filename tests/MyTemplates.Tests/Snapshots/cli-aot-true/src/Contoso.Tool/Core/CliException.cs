namespace Contoso.Tool.Core;

/// <summary>A failure to report to the user as one line, ending the process with <see cref="ExitCode"/>.</summary>
public class CliException(string message, int exitCode = ExitCodes.Failure, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}
