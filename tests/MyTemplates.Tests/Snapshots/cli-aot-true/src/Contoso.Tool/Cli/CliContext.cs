using System.Collections;

namespace Contoso.Tool.Cli;

/// <summary>
/// What a command may touch of the outside world: results go to <see cref="Output"/>, diagnostics
/// to <see cref="Error"/>. Tests pass their own, so commands run in-process with captured streams.
/// </summary>
public sealed record CliContext(
    TextWriter Output,
    TextWriter Error,
    Func<Stream> OpenInput,
    string CurrentDirectory,
    IReadOnlyDictionary<string, string?> EnvironmentVariables,
    bool ErrorIsInteractive = false)
{
    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        Console.OpenStandardInput,
        Environment.CurrentDirectory,
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value),
        ErrorIsInteractive: !Console.IsErrorRedirected);
}
