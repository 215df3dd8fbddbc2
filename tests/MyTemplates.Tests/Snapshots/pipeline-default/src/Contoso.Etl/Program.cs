using System.Runtime.InteropServices;
using Contoso.Etl;

// Ctrl+C and SIGTERM stop the run after the batch being written is committed (exit code 130).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

// The command line: the source and where rejected rows go (usage errors: exit code 2).
var (request, exitCode) = await PipelineCommand.ParseAsync(args, Console.Out, Console.Error);
if (request is null)
{
    return exitCode;
}

// The settings, the stages for that source and the pipeline, then the run and its summary.
using var host = PipelineHost.CreateBuilder(request).Build();
return await PipelineRun.ExecuteAsync(host, request, Console.Out, Console.Error, cancellation.Token);
