using System.Text.Json;
using System.Text.RegularExpressions;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// The authoring rules that Microsoft.TemplateEngine.Authoring.Tasks would check (it is not served
/// here), plus the pack's own. Every problem names the file it is in.
/// </summary>
public static partial class TemplateRules
{
    /// <summary>Options of <c>dotnet new</c> itself, which a template's aliases must not shadow.</summary>
    public static readonly IReadOnlySet<string> ReservedShortNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "n", "o", "h", "?", "lang", "v", "d", "f", "i", "u", "p", "type", "-help", "-name", "-output",
    };

    public static readonly IReadOnlySet<string> ReservedLongNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "output", "help", "language", "type", "dry-run", "force", "no-update-check", "project", "verbosity", "diagnostics",
    };

    private static readonly string[] RequiredFields =
        ["$schema", "author", "classifications", "identity", "groupIdentity", "name", "description", "shortName", "sourceName",
         "preferNameDirectory", "tags", "constraints", "symbols", "sources", "primaryOutputs", "postActions"];

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    /// <summary>Checks one template folder (the one holding <c>.template.config</c>).</summary>
    public static IReadOnlyList<string> Check(string templateDir)
    {
        var problems = new List<string>();
        var configDir = Path.Combine(templateDir, ".template.config");
        var templateJson = Path.Combine(configDir, "template.json");
        if (!File.Exists(templateJson))
        {
            return [$"{templateJson}: missing"];
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(File.ReadAllText(templateJson), JsonOptions).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            return [$"{templateJson}: does not parse: {exception.Message}"];
        }

        void Problem(string file, string message) => problems.Add($"{file}: {message}");

        foreach (var field in RequiredFields.Where(field => !root.TryGetProperty(field, out _)))
        {
            Problem(templateJson, $"required field '{field}' is missing");
        }

        if (!Str(root, "identity").StartsWith("MyTemplates.", StringComparison.Ordinal))
        {
            Problem(templateJson, "identity must start with 'MyTemplates.'");
        }

        if (!Str(root, "groupIdentity").StartsWith("MyTemplates.", StringComparison.Ordinal))
        {
            Problem(templateJson, "groupIdentity must start with 'MyTemplates.'");
        }

        if (root.TryGetProperty("tags", out var tags))
        {
            if (Str(tags, "language") != "C#")
            {
                Problem(templateJson, "tags.language must be C#");
            }

            if (Str(tags, "type") is not ("solution" or "item"))
            {
                Problem(templateJson, "tags.type must be solution or item");
            }
        }

        // An item template adds files to a project of ours: it must refuse to run anywhere else.
        var isItem = root.TryGetProperty("tags", out var itemTags) && Str(itemTags, "type") == "item";
        if (isItem && !(root.TryGetProperty("constraints", out var constraints)
                && constraints.EnumerateObject().Any(constraint => Str(constraint.Value, "type") == "project-capability")))
        {
            Problem(templateJson, "an item template needs a project-capability constraint, so that it runs only in its kind of project");
        }

        var symbols = root.TryGetProperty("symbols", out var symbolsElement)
            ? symbolsElement.EnumerateObject().ToDictionary(symbol => symbol.Name, symbol => symbol.Value)
            : [];
        var known = new HashSet<string>(symbols.Keys, StringComparer.Ordinal) { "name" };
        var parameters = symbols.Where(symbol => Str(symbol.Value, "type") == "parameter").Select(symbol => symbol.Key).ToHashSet();

        foreach (var (name, symbol) in symbols)
        {
            if (string.IsNullOrWhiteSpace(Str(symbol, "description")))
            {
                Problem(templateJson, $"symbol '{name}' has no description");
            }

            if (Str(symbol, "type") == "computed")
            {
                CheckCondition(templateJson, $"computed symbol '{name}'", Str(symbol, "value"));
            }

            if (Str(symbol, "datatype") == "choice")
            {
                var choices = symbol.TryGetProperty("choices", out var list) ? list.EnumerateArray().ToList() : [];
                if (choices.Count == 0)
                {
                    Problem(templateJson, $"choice symbol '{name}' has no choices");
                }

                foreach (var choice in choices.Where(choice => string.IsNullOrWhiteSpace(Str(choice, "description"))))
                {
                    Problem(templateJson, $"choice '{Str(choice, "choice")}' of symbol '{name}' has no description");
                }

                var defaultValue = Str(symbol, "defaultValue");
                if (!choices.Any(choice => Str(choice, "choice") == defaultValue))
                {
                    Problem(templateJson, $"the default '{defaultValue}' of symbol '{name}' is not one of its choices");
                }
            }

            if (Str(symbol, "datatype") == "bool" && Str(symbol, "defaultValue") is not ("true" or "false"))
            {
                Problem(templateJson, $"the default of bool symbol '{name}' must be \"true\" or \"false\"");
            }

            if (symbol.TryGetProperty("parameters", out var generatorParameters) && generatorParameters.TryGetProperty("cases", out var cases))
            {
                foreach (var @case in cases.EnumerateArray())
                {
                    CheckCondition(templateJson, $"a case of symbol '{name}'", Str(@case, "condition"));
                }
            }
        }

        foreach (var (where, condition) in Conditions(root))
        {
            CheckCondition(templateJson, where, condition);
        }

        if (!isItem && (!root.TryGetProperty("postActions", out var actions) || !actions.EnumerateArray().Any(action =>
                Str(action, "actionId").Equals("210D431B-A78B-4D2F-B762-4ED3E3EA9025", StringComparison.OrdinalIgnoreCase)
                && Str(action, "condition").Contains("skipRestore", StringComparison.Ordinal)
                && action.TryGetProperty("manualInstructions", out _))))
        {
            Problem(templateJson, "needs a restore post-action, skipped by skipRestore, with manual instructions");
        }

        CheckCliHost(Path.Combine(configDir, "dotnetcli.host.json"), parameters, known, Problem);
        CheckIdeHost(Path.Combine(configDir, "ide.host.json"), known, Problem);

        foreach (var file in SourceFiles(templateDir))
        {
            foreach (Match directive in Directive().Matches(File.ReadAllText(file)))
            {
                var line = directive.Value.Trim();
                CheckCondition(file, $"'{line}'", directive.Groups["expr"].Value);
            }
        }

        return problems;

        void CheckCondition(string file, string where, string condition)
        {
            foreach (var identifier in Identifiers(condition).Where(identifier => !known.Contains(identifier)))
            {
                Problem(file, $"{where} names '{identifier}', which is not a symbol");
            }
        }
    }

    /// <summary>Rules that span templates: unique short names and identities.</summary>
    public static IReadOnlyList<string> CheckAcross(IEnumerable<string> templateDirs)
    {
        var seen = new Dictionary<string, string>();
        var problems = new List<string>();
        foreach (var dir in templateDirs)
        {
            var file = Path.Combine(dir, ".template.config", "template.json");
            var root = JsonDocument.Parse(File.ReadAllText(file), JsonOptions).RootElement;
            foreach (var key in new[] { "identity", "shortName" }.Select(field => $"{field}={Str(root, field)}"))
            {
                if (!seen.TryAdd(key, file))
                {
                    problems.Add($"{file}: {key} is used by {seen[key]} too");
                }
            }
        }

        return problems;
    }

    /// <summary>The options <c>dotnet new -h</c> shows (hidden ones, which tools pass, are left out).</summary>
    public static (string LongName, string ShortName)[] CliOptions(string templateDir)
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(templateDir, ".template.config", "dotnetcli.host.json")), JsonOptions);
        return [.. host.RootElement.GetProperty("symbolInfo").EnumerateObject()
            .Where(symbol => !IsHidden(symbol.Value))
            .Select(symbol => (Str(symbol.Value, "longName"), Str(symbol.Value, "shortName")))];
    }

    private static bool IsHidden(JsonElement symbolInfo) =>
        symbolInfo.TryGetProperty("isHidden", out var hidden) && hidden.ValueKind == JsonValueKind.True;

    private static void CheckCliHost(string file, HashSet<string> parameters, HashSet<string> known, Action<string, string> problem)
    {
        if (!File.Exists(file))
        {
            problem(file, "missing");
            return;
        }

        var symbolInfo = JsonDocument.Parse(File.ReadAllText(file), JsonOptions).RootElement.GetProperty("symbolInfo");
        var shortNames = new HashSet<string>();
        var covered = new HashSet<string>();
        foreach (var entry in symbolInfo.EnumerateObject())
        {
            covered.Add(entry.Name);
            if (!known.Contains(entry.Name))
            {
                problem(file, $"symbolInfo '{entry.Name}' names no symbol of template.json");
                continue;
            }

            var longName = Str(entry.Value, "longName");
            var shortName = Str(entry.Value, "shortName");
            if (!KebabCase().IsMatch(longName))
            {
                problem(file, $"long name '{longName}' of '{entry.Name}' is not kebab-case");
            }

            if (ReservedLongNames.Contains(longName))
            {
                problem(file, $"long name '{longName}' of '{entry.Name}' collides with an option of dotnet new");
            }

            if (string.IsNullOrEmpty(shortName))
            {
                if (!IsHidden(entry.Value))
                {
                    problem(file, $"'{entry.Name}' has no short alias");
                }
            }
            else if (shortName == longName)
            {
                problem(file, $"short alias '-{shortName}' of '{entry.Name}' equals its long name, so dotnet new shows only one of them");
            }
            else if (ReservedShortNames.Contains(shortName))
            {
                problem(file, $"short alias '-{shortName}' of '{entry.Name}' collides with an option of dotnet new");
            }
            else if (!shortNames.Add(shortName))
            {
                problem(file, $"short alias '-{shortName}' is used twice");
            }
        }

        foreach (var parameter in parameters.Where(parameter => !covered.Contains(parameter)))
        {
            problem(file, $"parameter '{parameter}' has no entry, so it gets no kebab-case long name or alias");
        }
    }

    private static void CheckIdeHost(string file, HashSet<string> known, Action<string, string> problem)
    {
        if (!File.Exists(file))
        {
            problem(file, "missing");
            return;
        }

        var root = JsonDocument.Parse(File.ReadAllText(file), JsonOptions).RootElement;
        if (root.TryGetProperty("symbolInfo", out var symbolInfo))
        {
            foreach (var id in symbolInfo.EnumerateArray().Select(entry => Str(entry, "id")).Where(id => !known.Contains(id)))
            {
                problem(file, $"symbolInfo '{id}' names no symbol of template.json");
            }
        }
    }

    private static IEnumerable<(string Where, string Condition)> Conditions(JsonElement root)
    {
        foreach (var (source, index) in root.GetProperty("sources").EnumerateArray().Select((source, index) => (source, index)))
        {
            yield return ($"sources[{index}].condition", Str(source, "condition"));
            if (source.TryGetProperty("modifiers", out var modifiers))
            {
                foreach (var modifier in modifiers.EnumerateArray())
                {
                    yield return ($"a modifier of sources[{index}]", Str(modifier, "condition"));
                }
            }
        }

        foreach (var action in root.GetProperty("postActions").EnumerateArray())
        {
            yield return ($"post-action '{Str(action, "id")}'", Str(action, "condition"));
        }
    }

    private static IEnumerable<string> SourceFiles(string templateDir) =>
        Directory.EnumerateFiles(templateDir, "*", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains(".template.config", StringComparison.Ordinal));

    /// <summary>The identifiers a condition names, leaving out quoted strings and literals.</summary>
    public static IEnumerable<string> Identifiers(string condition) =>
        Identifier().Matches(QuotedString().Replace(condition, ""))
            .Select(match => match.Value)
            .Where(word => word is not ("true" or "false"));

    private static string Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out value) ? value.ToString() : "";

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"(?m)^\s*(?:<!--|//|#)?\s*#(?:if|elif|elseif)\s*\((?<expr>.*)\)\s*(?:-->)?\s*$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex QuotedString();
}
