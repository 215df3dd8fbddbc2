using System.Text;
using System.Text.RegularExpressions;

namespace MyTemplates.Tests.Infrastructure;

/// <summary>
/// Compares a generated tree, file by file, with its verified copy under <c>Snapshots/&lt;scenario&gt;/</c>,
/// as Microsoft's TemplateVerifier would. On a mismatch the generated tree is written beside it as
/// <c>&lt;scenario&gt;.received/</c> and the test fails with a diff; <c>scripts/accept-snapshots.sh</c>
/// accepts it after review.
/// </summary>
public static partial class SnapshotVerifier
{
    /// <summary>A generated <c>.gitignore</c> is stored under this suffix so that it cannot hide snapshot files from git.</summary>
    public const string GitIgnoreSuffix = ".snapshot";

    /// <summary>The answers file at a generated solution's root.</summary>
    public const string AnswersFile = ".mytemplates.json";

    private const string ScrubbedGuid = "00000000-0000-0000-0000-000000000000";

    public static string VerifiedDir(string scenario) => Path.Combine(Repo.Snapshots, scenario);

    public static string ReceivedDir(string scenario) => Path.Combine(Repo.Snapshots, scenario + ".received");

    /// <summary>
    /// Only what varies between runs: the GUIDs a template mints (user-secrets ids), and the pack version in
    /// the answers file, so that a release does not rewrite every snapshot.
    /// </summary>
    public static string Scrub(string relativePath, string text)
    {
        text = Guid().Replace(text, ScrubbedGuid);
        return relativePath == AnswersFile ? PackageVersion().Replace(text, "${key}\"(pack version)\"") : text;
    }

    public static string StoredPath(string relativePath) =>
        Path.GetFileName(relativePath) == ".gitignore" ? relativePath + GitIgnoreSuffix : relativePath;

    public static async Task VerifyAsync(string scenario, string generatedRoot)
    {
        var received = ReceivedDir(scenario);
        if (Directory.Exists(received))
        {
            Directory.Delete(received, recursive: true);
        }

        var actual = GeneratedTree.Files(generatedRoot).ToDictionary(
            StoredPath,
            file => Scrub(file, File.ReadAllText(Path.Combine(generatedRoot, file))),
            StringComparer.Ordinal);

        var verified = VerifiedDir(scenario);
        var expected = Directory.Exists(verified)
            ? GeneratedTree.Files(verified).ToDictionary(file => file, file => File.ReadAllText(Path.Combine(verified, file)), StringComparer.Ordinal)
            : [];

        var missing = expected.Keys.Except(actual.Keys).Order(StringComparer.Ordinal).ToList();
        var added = actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = actual.Keys.Intersect(expected.Keys).Where(file => actual[file] != expected[file]).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && added.Count == 0 && changed.Count == 0)
        {
            return;
        }

        foreach (var (file, content) in actual)
        {
            var path = Path.Combine(received, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        var report = new StringBuilder()
            .AppendLine($"The generated tree of scenario '{scenario}' differs from its verified snapshot.")
            .AppendLine($"  verified: {verified}")
            .AppendLine($"  received: {received}");
        foreach (var file in added)
        {
            report.AppendLine($"  + {file} (new)");
        }

        foreach (var file in missing)
        {
            report.AppendLine($"  - {file} (no longer generated)");
        }

        foreach (var file in changed)
        {
            report.AppendLine($"  ~ {file}");
        }

        report.AppendLine().AppendLine(await DiffAsync(verified, received))
            .AppendLine("Read the diff as a user of the generated solution would; if it is right, accept it with")
            .AppendLine($"  scripts/accept-snapshots.sh {scenario}");
        Assert.Fail(report.ToString());
    }

    private static async Task<string> DiffAsync(string verified, string received)
    {
        using var empty = new TempDirectory("no-snapshot-yet");
        var diff = await ProcessRunner.RunAsync("git", ["diff", "--no-index", "--no-color", "--", Directory.Exists(verified) ? verified : empty.Path, received],
            Repo.Root, TimeSpan.FromMinutes(1));
        const int Limit = 20_000;
        return diff.StandardOutput.Length <= Limit ? diff.StandardOutput : diff.StandardOutput[..Limit] + "\n… (diff cut; see the received folder)";
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    [GeneratedRegex(@"(?<key>""packageVersion"":\s*)""[^""]*""")]
    private static partial Regex PackageVersion();
}
