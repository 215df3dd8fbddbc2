using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Contoso.Tool.Cli;

/// <summary>
/// What commands read of the process beyond their arguments. Output goes through the invocation's
/// writers (<c>parseResult.InvocationConfiguration.Output</c> and <c>Error</c>); tests pass their own of both.
/// </summary>
public interface IConsoleEnvironment
{
    string CurrentDirectory { get; }

    /// <summary>Whether stderr is a terminal, where a person watches progress.</summary>
    bool ErrorIsTerminal { get; }

    Stream OpenStandardInput();

    /// <summary>The environment variables that start with <paramref name="prefix"/>, as settings (<c>PREFIX_KEY</c> is <c>Key</c>).</summary>
    IConfigurationSource EnvironmentVariables(string prefix);
}

public sealed class SystemConsole : IConsoleEnvironment
{
    public string CurrentDirectory => Environment.CurrentDirectory;

    public bool ErrorIsTerminal => !Console.IsErrorRedirected;

    public Stream OpenStandardInput() => Console.OpenStandardInput();

    public IConfigurationSource EnvironmentVariables(string prefix) => new EnvironmentVariablesConfigurationSource { Prefix = prefix };
}
