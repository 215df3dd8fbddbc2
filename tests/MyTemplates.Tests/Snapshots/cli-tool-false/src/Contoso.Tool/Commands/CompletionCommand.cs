using System.CommandLine;
using Contoso.Tool.Cli;
using Contoso.Tool.Core;

namespace Contoso.Tool.Commands;

/// <summary>Prints a shell's tab-completion script; the script asks the app itself, through System.CommandLine's [suggest] directive.</summary>
public sealed class CompletionCommand : CliCommand
{
    private static readonly Dictionary<string, string> Scripts = new()
    {
        ["bash"] = """
            _contoso-tool() {
                local word=${COMP_WORDS[COMP_CWORD]} item
                COMPREPLY=()
                # Line by line: a suggestion is text, never a pattern (-? would match the folder's two-letter files).
                # Options once the word starts with '-'; otherwise commands and values, and files where there are none.
                while IFS= read -r item; do
                    [[ $item == -* && $word != -* ]] || COMPREPLY+=("$item")
                done < <(contoso-tool "[suggest:$COMP_POINT]" "$COMP_LINE" 2>/dev/null)
            }
            complete -o default -F _contoso-tool contoso-tool
            """,
        ["zsh"] = """
            _contoso-tool() {
                local -a items
                items=("${(@f)$(contoso-tool "[suggest:$CURSOR]" "$BUFFER" 2>/dev/null)}")
                compadd -a items
            }
            compdef _contoso-tool contoso-tool
            """,
        ["pwsh"] = """
            Register-ArgumentCompleter -Native -CommandName contoso-tool -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                contoso-tool "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    private readonly Argument<string> shell = new("shell")
    {
        Description = "The shell: bash, zsh or pwsh (PowerShell).",
    };

    public CompletionCommand(GlobalOptions global)
        : base("completion", """
            Print the tab-completion script for a shell.
            Example: source <(contoso-tool completion bash)
            """, global)
    {
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        Add(shell);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await parseResult.InvocationConfiguration.Output.WriteLineAsync(Scripts[parseResult.GetValue(shell)!]);
        return ExitCodes.Success;
    }
}
