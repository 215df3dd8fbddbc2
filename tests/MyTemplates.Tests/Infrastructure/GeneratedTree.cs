using System.Text.Json;
using System.Text.RegularExpressions;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>Checks that hold for every generated solution, whatever its options.</summary>
public static partial class GeneratedTree
{
    private static readonly string[] ForbiddenFolders = ["bin", "obj", ".template.config", ".vs", "TestResults"];

    /// <summary>Every file of the tree, as a path relative to <paramref name="root"/> with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// Problems a user would trip over: leftover template syntax, the template's own source name or
    /// placeholder tokens, build output or authoring folders. Each names the file.
    /// </summary>
    public static IReadOnlyList<string> Problems(string root, IEnumerable<string> untouchedTokens)
    {
        var tokens = untouchedTokens.ToArray();
        var problems = new List<string>();
        foreach (var file in Files(root))
        {
            var segments = file.Split('/');
            if (segments[..^1].FirstOrDefault(segment => ForbiddenFolders.Contains(segment)) is { } folder)
            {
                problems.Add($"{file}: sits in a '{folder}/' folder, which must not be generated");
            }

            foreach (var token in tokens.Where(token => file.Contains(token, StringComparison.Ordinal)))
            {
                problems.Add($"{file}: its path still holds the template token '{token}'");
            }

            var lines = File.ReadAllLines(Path.Combine(root, file));
            for (var i = 0; i < lines.Length; i++)
            {
                if (LeftoverSyntax().Match(lines[i]) is { Success: true } leftover)
                {
                    problems.Add($"{file}:{i + 1}: leftover template syntax '{leftover.Value.Trim()}'");
                }

                foreach (var token in tokens.Where(token => lines[i].Contains(token, StringComparison.Ordinal)))
                {
                    problems.Add($"{file}:{i + 1}: the template token '{token}' was not replaced");
                }
            }
        }

        return problems;
    }

    /// <summary>The strings of a template's source that instantiation must replace: its source name and every token a symbol replaces.</summary>
    public static IReadOnlyList<string> TemplateTokens(string templateDir)
    {
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(templateDir, ".template.config", "template.json"))).RootElement;
        var tokens = new List<string> { root.GetProperty("sourceName").GetString()! };
        foreach (var symbol in root.GetProperty("symbols").EnumerateObject())
        {
            if (symbol.Value.TryGetProperty("replaces", out var replaces))
            {
                tokens.Add(replaces.GetString()!);
            }
        }

        return tokens;
    }

    [GeneratedRegex(@"#if\b|#endif\b|#elif\b|<!--\s*#|//-:cnd")]
    private static partial Regex LeftoverSyntax();
}
