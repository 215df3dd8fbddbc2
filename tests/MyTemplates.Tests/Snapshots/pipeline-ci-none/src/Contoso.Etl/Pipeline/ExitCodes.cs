namespace Contoso.Etl.Pipeline;

public static class ExitCodes
{
    /// <summary>The run completed, whether or not rows were rejected.</summary>
    public const int Success = 0;

    /// <summary>Any failure once loading had started, or an unexpected one.</summary>
    public const int Failure = 1;

    /// <summary>A usage error, a missing required column, or an input that cannot be read: nothing was loaded.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C or SIGTERM after the batch being written was committed.</summary>
    /// <remarks>
    /// Not ours: System.CommandLine ends the process with 143 when SIGTERM's batch is still not committed after
    /// <see cref="PipelineCommand.ProcessTerminationTimeout"/>, and the runtime does when SIGTERM comes before start-up ends.
    /// </remarks>
    public const int Cancelled = 130;
}
