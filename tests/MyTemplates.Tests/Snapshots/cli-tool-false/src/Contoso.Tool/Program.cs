using System.Runtime.InteropServices;
using Contoso.Tool.Cli;

// Ctrl+C and SIGTERM cancel the running command, which then stops promptly with exit code 130.
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

return await CliApp.RunAsync(args, CliContext.FromProcess(), cancellation.Token);
