using System.CommandLine;

namespace Company.Cli.Cli;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show debug diagnostics, and the details and stack trace of errors, on stderr.",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config", "-c")
    {
        Description = "Read settings from this file instead of company-cli.json in the current folder or the user's config folder.",
        Recursive = true,
    };
}
