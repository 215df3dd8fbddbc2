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

return await PipelineApp.RunAsync(args, Console.Out, Console.Error, cancellationToken: cancellation.Token);
