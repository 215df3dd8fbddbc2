namespace Contoso.Tool.Core;

/// <summary>A failure the user can act on, reported as one line on stderr with exit code <see cref="ExitCodes.Failure"/>.</summary>
public class CliException(string message, Exception? innerException = null) : Exception(message, innerException);
