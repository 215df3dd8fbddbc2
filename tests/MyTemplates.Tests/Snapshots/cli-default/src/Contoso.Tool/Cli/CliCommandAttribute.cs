using System.Reflection;

namespace Contoso.Tool.Cli;

/// <summary>
/// A subcommand that registers itself: it declares itself once, beside its class
/// (<c>[assembly: CliCommand&lt;InitCommand&gt;]</c>), and the root command adds every declared one, so a
/// new command needs no edit anywhere else (<c>dotnet new myapp-command -n Export</c> adds one this way).
/// </summary>
public interface ICliCommand
{
    /// <summary>Creates the command, with the options every command shares and the console it runs in.</summary>
    static abstract CliCommand Create(GlobalOptions global, IConsoleEnvironment console);
}

/// <summary>Declares a subcommand of the app; see <see cref="ICliCommand"/>.</summary>
/// <remarks>
/// Trimming- and AOT-safe: the only reflection is reading this assembly's own attributes, and each one calls its
/// command's factory directly, so nothing is looked up by name and no type is scanned.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public abstract class CliCommandAttribute : Attribute
{
    /// <summary>The commands this assembly declares, by class name, so that their order never depends on the compiler's.</summary>
    public static IReadOnlyList<CliCommandAttribute> All { get; } =
        [.. typeof(CliCommandAttribute).Assembly.GetCustomAttributes<CliCommandAttribute>().OrderBy(command => command.Name, StringComparer.Ordinal)];

    public abstract string Name { get; }

    public abstract CliCommand Create(GlobalOptions global, IConsoleEnvironment console);
}

/// <inheritdoc cref="CliCommandAttribute"/>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class CliCommandAttribute<TCommand> : CliCommandAttribute
    where TCommand : CliCommand, ICliCommand
{
    public override string Name => typeof(TCommand).Name;

    public override CliCommand Create(GlobalOptions global, IConsoleEnvironment console) => TCommand.Create(global, console);
}
