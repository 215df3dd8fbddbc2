namespace Contoso.Etl.Pipeline;

/// <summary>A failure to report as one line, ending the process with <see cref="ExitCode"/>.</summary>
public sealed class PipelineException(string message, int exitCode, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int ExitCode { get; } = exitCode;
}
