using System.CommandLine;
using Contoso.Etl;

// The command line (a usage error is exit code 2, on stderr) and the run. Ctrl+C and SIGTERM cancel the run's
// token: it stops once the batch being written is committed, with exit code 130.
return await new PipelineCommand(Entities.All).InvokeAsync(args, new InvocationConfiguration
{
    ProcessTerminationTimeout = PipelineCommand.ProcessTerminationTimeout,
});
