using System.CommandLine;
using Company.Cli.Cli;

var root = CliApp.CreateRootCommand(new SystemConsole());
return await CliApp.InvokeAsync(root.Parse(args), new InvocationConfiguration
{
    // Ctrl+C and SIGTERM cancel the command's token; the command stops and returns 130 itself well within this time.
    ProcessTerminationTimeout = TimeSpan.FromSeconds(2),
});
