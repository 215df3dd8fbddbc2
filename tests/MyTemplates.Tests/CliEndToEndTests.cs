using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using MyTemplates.Tests.Infrastructure;

namespace MyTemplates.Tests;

/// <summary>
/// myapp-cli end to end: build with warnings as errors, formatting, the generated tests; then the
/// built app as a user runs it, compared with GNU wc; the native binary for --aot; the .NET tool. Before the
/// build, <c>dotnet new myapp-command -n Export</c> adds a command, whose tests run with the others and which
/// the built app and the native binary run.
/// </summary>
public sealed class CliEndToEndTests(TemplatePack pack)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("cli-default")]
    [InlineData("cli-aot-true")]
    [InlineData("cli-layout-flat")]
    [UnsupportedOSPlatform("windows")]
    public async Task Generated_cli_builds_passes_its_tests_and_behaves_like_wc(string scenarioName)
    {
        var scenario = Scenarios.Named(scenarioName);
        using var temp = new TempDirectory(scenarioName);
        var aot = scenario.Arguments.Contains("--aot");
        var solution = new GeneratedSolution(await pack.InstantiateAsync(temp, scenario.Template, scenario.ProjectName, scenario.Arguments));
        var project = Directory.GetFiles(solution.Root, $"{scenario.ProjectName}.csproj", SearchOption.AllDirectories).Single();
        var projectDir = Path.GetDirectoryName(project)!;

        // What a user types to add a command: in the app project's folder, before the build.
        var added = await pack.DotnetNewAsync(projectDir, "myapp-command", "-n", "Export");
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Contains("dotnet run -- export --help", added.StandardOutput);

        await solution.BuildAsync();
        await solution.VerifyFormattingAsync();
        await solution.TestAsync();
        Assert.Single(Directory.GetFiles(solution.Root, "ExportCommandTests.cs", SearchOption.AllDirectories)); // among the tests that passed
        await StaticChecks.CheckAsync(solution, scenario.ProjectName);

        const string Command = "contoso-tool";
        await BehavesLikeWcAsync(Path.Combine(projectDir, "bin", "Debug", "net10.0", Command), temp);
        await RunsTheAddedCommandAsync(Path.Combine(projectDir, "bin", "Debug", "net10.0", Command), temp);

        if (aot)
        {
            var native = Path.Combine(temp.Path, "native");
            var publish = await ProcessRunner.DotnetOkAsync(solution.Root, Timeout,
                ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", native, "-warnaserror", .. NativeLinker()]);
            Assert.DoesNotContain("warning", publish.Output, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(Path.Combine(native, $"{Command}.dll")), "The AOT publish produced IL, not a native binary.");
            await BehavesLikeWcAsync(Path.Combine(native, Command), temp);
            await RunsTheAddedCommandAsync(Path.Combine(native, Command), temp);
        }

        // The .NET tool: pack, install into a private tool path, run. With --aot, the package for this platform carries the native binary.
        // The package carries the README (NuGet warns of a package without one).
        var packages = Path.Combine(temp.Path, "nupkg");
        var packed = await ProcessRunner.DotnetOkAsync(solution.Root, Timeout, ["pack", project, "-c", "Release", "-o", packages, .. NativeLinker()]);
        Assert.DoesNotContain("missing a readme", packed.Output, StringComparison.OrdinalIgnoreCase);
        using (var package = ZipFile.OpenRead(Path.Combine(packages, $"{scenario.ProjectName}.0.1.0.nupkg")))
        {
            Assert.Contains("README.md", package.Entries.Select(entry => entry.FullName));
        }

        if (aot)
        {
            await ProcessRunner.DotnetOkAsync(solution.Root, Timeout, ["pack", project, "-c", "Release", "-r", "linux-x64", "-o", packages, .. NativeLinker()]);
        }

        var toolPath = Path.Combine(temp.Path, "tools");
        await ProcessRunner.DotnetOkAsync(temp.Path, Timeout, "tool", "install", scenario.ProjectName, "--tool-path", toolPath, "--add-source", packages);
        var help = await RunAsync(Path.Combine(toolPath, Command), temp.Path, "--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        if (aot)
        {
            var installed = Directory.GetFiles(Path.Combine(toolPath, ".store"), Command, SearchOption.AllDirectories).Single();
            Assert.Contains("linux-x64", installed);
            Assert.Equal("\u007fELF", Encoding.ASCII.GetString(File.ReadAllBytes(installed)[..4]));
        }

        await CompletesInShellsAsync(toolPath, Command, temp);
    }

    /// <summary>
    /// Tab completion as a user sets it up (`source &lt;(tool completion bash)`) with the installed tool on PATH: pressing Tab
    /// in a real terminal completes a command and lists an option's values. bash always; zsh where it is installed;
    /// PowerShell through its .NET tool, asking PowerShell's own completion (TabExpansion2).
    /// </summary>
    private static async Task CompletesInShellsAsync(string toolPath, string command, TempDirectory temp)
    {
        // What the completion scripts get for the options: the Unix forms only (the framework's default help also answers /? and /h).
        var suggestions = await RunAsync(Path.Combine(toolPath, command), temp.Path, $"[suggest:{command.Length + 1}]", $"{command} ");
        Assert.True(suggestions.ExitCode == 0 && suggestions.StandardOutput.Split('\n').Contains("--help")
            && !suggestions.StandardOutput.Split('\n').Any(line => line.StartsWith('/')), suggestions.ToString());

        var home = Directory.CreateDirectory(Path.Combine(temp.Path, "shell-home")).FullName;
        File.WriteAllText(Path.Combine(home, ".bashrc"), $"PS1='ready> '\nsource <({command} completion bash)\n");
        File.WriteAllText(Path.Combine(home, "notes.txt"), "");
        File.WriteAllText(Path.Combine(home, "-x"), "");
        File.WriteAllText(Path.Combine(home, ".zshrc"), $"PS1='ready> '\nautoload -Uz compinit && compinit -u\nsource <({command} completion zsh)\n");
        List<string> shells = [$"bash --rcfile '{home}/.bashrc' -i"];
        if ((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "zsh"))))
        {
            shells.Add($"ZDOTDIR='{home}' zsh -i");
        }

        foreach (var shell in shells)
        {
            await using var terminal = await Terminal.StartAsync(home, $"export PATH='{toolPath}':\"$PATH\"; {shell}");
            await terminal.WaitForAsync("ready>", TimeSpan.FromSeconds(30));
            await terminal.SendKeysAsync($"{command} pro", "Tab");
            await terminal.WaitForAsync($"{command} process", TimeSpan.FromSeconds(30)); // the screen shows no trailing space
            await terminal.SendKeysAsync(" --format ", "Tab", "Tab");
            var screen = await terminal.WaitForAsync("table", TimeSpan.FromSeconds(30));
            Assert.True(screen.Contains("json", StringComparison.Ordinal), $"{shell}:\n{screen}");
            if (shell.StartsWith("bash", StringComparison.Ordinal))
            {
                // Where the app suggests no value, the folder's files; options once a '-' is typed, as text (-? is no pattern for -x).
                await terminal.SendKeysAsync("C-u", $"{command} process ", "Tab", "Tab");
                await terminal.WaitForAsync("notes.txt", TimeSpan.FromSeconds(30));
                await terminal.SendKeysAsync("C-u", "clear", "Enter");
                await terminal.WaitForAsync("ready>", TimeSpan.FromSeconds(30));
                await terminal.SendKeysAsync($"{command} -", "Tab", "Tab");
                screen = await terminal.WaitForAsync("--version", TimeSpan.FromSeconds(30));
                Assert.True(screen.Contains("-?", StringComparison.Ordinal) && !screen.Contains("notes.txt", StringComparison.Ordinal), $"{shell}:\n{screen}");
            }
        }

        var powerShell = Path.Combine(temp.Path, "powershell");
        await ProcessRunner.DotnetOkAsync(temp.Path, Timeout, "tool", "install", "PowerShell", "--version", "7.6.9", "--tool-path", powerShell);
        var completions = await ProcessRunner.RunAsync(Path.Combine(powerShell, "pwsh"),
            ["-NoProfile", "-Command", $"{command} completion pwsh | Out-String | Invoke-Expression; " +
                $"(TabExpansion2 '{command} pro' {command.Length + 4}).CompletionMatches.CompletionText; " +
                $"(TabExpansion2 '{command} process --format ' {command.Length + 18}).CompletionMatches.CompletionText"],
            temp.Path, Timeout, new Dictionary<string, string?> { ["PATH"] = $"{toolPath}:{Environment.GetEnvironmentVariable("PATH")}" },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(completions.ExitCode == 0 && completions.StandardOutput.Split('\n').Select(line => line.Trim()).ToArray() is ["process", "json", "table", ..],
            completions.ToString());
    }

    [UnsupportedOSPlatform("windows")] // a folder's mode, and setpriv
    private static async Task BehavesLikeWcAsync(string app, TempDirectory temp)
    {
        var work = Directory.CreateDirectory(Path.Combine(temp.Path, $"work-{Guid.NewGuid():N}"[..13])).FullName;

        var help = await RunAsync(app, work, "--help");
        Assert.True(help.ExitCode == 0 && help.StandardOutput.Contains("Usage:", StringComparison.Ordinal), help.ToString());

        var version = await RunAsync(app, work, "--version");
        Assert.True(version.ExitCode == 0 && version.StandardOutput.Trim() == "0.1.0", version.ToString());

        var unknown = await RunAsync(app, work, "--no-such-option");
        Assert.True(unknown.ExitCode == 2 && unknown.StandardError.Contains("Usage:", StringComparison.Ordinal) && unknown.StandardOutput.Length == 0,
            unknown.ToString());

        Assert.Equal(0, (await RunAsync(app, work, "init")).ExitCode);
        var again = await RunAsync(app, work, "init");
        Assert.True(again.ExitCode == 1 && again.StandardError.Contains("--force", StringComparison.Ordinal), again.ToString());
        Assert.Equal(0, (await RunAsync(app, work, "init", "--force")).ExitCode);

        // Build output and version control inside the folder are left out: the total is wc's over the sample files alone.
        var files = WriteSampleFiles(Path.Combine(work, "docs"));
        foreach (var skipped in new[] { "bin/Debug/net10.0/app.dll", "obj/project.assets.json", ".git/HEAD", "nested/bin/tool.dll" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(work, "docs", skipped))!);
            File.WriteAllText(Path.Combine(work, "docs", skipped), "not counted\n");
        }

        var report = await RunAsync(app, work, "process", "docs", "--format", "json");
        Assert.True(report.ExitCode == 0, report.ToString());
        var total = JsonDocument.Parse(report.StandardOutput).RootElement.GetProperty("total");
        Assert.Equal(await WcTotalAsync(work, files), (total.GetProperty("lines").GetInt64(), total.GetProperty("words").GetInt64(), total.GetProperty("bytes").GetInt64()));

        // A folder it cannot read is named on stderr and the rest of the tree is still counted (exit code 1). A folder's mode
        // keeps no one out as root, so then the app runs as nobody.
        var inside = Directory.CreateDirectory(Path.Combine(work, "tree", "locked")).FullName;
        File.WriteAllText(Path.Combine(inside, "secret.txt"), "not counted\n");
        File.WriteAllText(Path.Combine(work, "tree", "open.txt"), "one two\n");
        File.SetUnixFileMode(inside, UnixFileMode.None);
        string[] process = [app, "process", "tree", "--format", "json"];
        if (Environment.UserName == "root")
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            process = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", $"DOTNET_ROOT={dotnetRoot}", .. process];
        }

        var partial = await ProcessRunner.RunAsync(process[0], process[1..], work, Timeout, cancellationToken: TestContext.Current.CancellationToken);
        File.SetUnixFileMode(inside, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.True(partial.ExitCode == 1 && partial.StandardError.StartsWith("error: tree/locked: ", StringComparison.Ordinal)
            && JsonDocument.Parse(partial.StandardOutput).RootElement.GetProperty("files").EnumerateArray()
                .Select(file => file.GetProperty("path").GetString()).SequenceEqual(["tree/open.txt"]), partial.ToString());

        var stdin = await ProcessRunner.RunAsync(app, ["process", "-", "--format", "json"], work, Timeout,
            standardInput: File.ReadAllText(files[0]), cancellationToken: TestContext.Current.CancellationToken);
        var stdinTotal = JsonDocument.Parse(stdin.StandardOutput).RootElement.GetProperty("total");
        Assert.Equal(await WcTotalAsync(work, [files[0]]), (stdinTotal.GetProperty("lines").GetInt64(), stdinTotal.GetProperty("words").GetInt64(), stdinTotal.GetProperty("bytes").GetInt64()));

        // SIGTERM while it waits on stdin: a prompt stop with exit code 130 and a short message.
        await using (var waiting = RunningApp.Start(app, ["process", "-"], work, new Dictionary<string, string?>(), holdStandardInput: true))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            Assert.Equal(130, await waiting.TerminateAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains("Cancelled.", waiting.Output);
        }

        // In a terminal: progress on stderr while a slow input is read, cleared before the results are printed.
        await using (var terminal = await Terminal.StartAsync(work, $"{{ yes 'some words here' | head -c 3000000; sleep 3; }} | '{app}' process -; echo \"exit=$?\"; sleep 60"))
        {
            await terminal.WaitForAsync("MiB read", TimeSpan.FromSeconds(30));
            var done = await terminal.WaitForAsync("exit=0", TimeSpan.FromSeconds(60));
            Assert.Contains("total", done);
            Assert.DoesNotContain("MiB read", done);
        }

        // Ctrl+C at the keyboard while it reads the terminal: exit code 130 and a short message.
        await using (var terminal = await Terminal.StartAsync(work, $"'{app}' process -; echo \"exit=$?\"; sleep 60"))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            await terminal.SendKeysAsync("C-c");
            Assert.Contains("Cancelled.", await terminal.WaitForAsync("exit=130", TimeSpan.FromSeconds(30)));
        }

        // A mistyped option is a usage error, not a file name; a file whose name starts with '-' is read as ./-name or after --.
        var typo = await RunAsync(app, work, "process", "docs", "--fromat", "json");
        Assert.True(typo.ExitCode == 2 && typo.StandardError.Contains("'--fromat'", StringComparison.Ordinal)
            && typo.StandardError.Contains("Usage:", StringComparison.Ordinal) && typo.StandardOutput.Length == 0, typo.ToString());
        File.WriteAllText(Path.Combine(work, "-notes.txt"), "one two\n");
        foreach (var dashed in new[] { new[] { "--", "-notes.txt" }, ["./-notes.txt"] })
        {
            var read = await RunAsync(app, work, ["process", .. dashed]);
            Assert.True(read.ExitCode == 0 && read.StandardOutput.Contains("-notes.txt", StringComparison.Ordinal), read.ToString());
        }

        // A wrong setting in the environment names the variable and the valid values.
        var setting = await ProcessRunner.RunAsync(app, ["process", "docs"], work, Timeout,
            new Dictionary<string, string?> { ["CONTOSO_TOOL_FORMAT"] = "xml" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(setting.ExitCode == 1 && setting.StandardError.Trim() == "error: Invalid setting CONTOSO_TOOL_FORMAT (environment variable): 'xml'; valid values: table, json.",
            setting.ToString());

        var missing = await RunAsync(app, work, "process", "no-such-file.txt");
        Assert.True(missing.ExitCode == 1 && missing.StandardError.Contains("no-such-file.txt", StringComparison.Ordinal), missing.ToString());

        // A file that exists but cannot be read (permissions do not stop root; the first page of /proc/self/mem does):
        // the message names it, the other files are still counted, and the exit code is 1.
        var unreadable = await RunAsync(app, work, "process", "docs", "/proc/self/mem", "--format", "json");
        Assert.True(unreadable.ExitCode == 1 && unreadable.StandardError.Contains("/proc/self/mem", StringComparison.Ordinal), unreadable.ToString());
        Assert.Equal(total.GetRawText(), JsonDocument.Parse(unreadable.StandardOutput).RootElement.GetProperty("total").GetRawText());
    }

    /// <summary>The command <c>dotnet new myapp-command -n Export</c> added: listed, run (exit 0, its output), and a usage error (exit 2).</summary>
    private static async Task RunsTheAddedCommandAsync(string app, TempDirectory temp)
    {
        var help = await RunAsync(app, temp.Path, "--help");
        Assert.True(help.ExitCode == 0 && help.StandardOutput.Contains("export <items>", StringComparison.Ordinal), help.ToString());

        var run = await RunAsync(app, temp.Path, "export", "first", "second", "--repeat", "2");
        Assert.True(run.ExitCode == 0 && run.StandardOutput == "export: first\nexport: first\nexport: second\nexport: second\n", run.ToString());

        var usage = await RunAsync(app, temp.Path, "export", "first", "--repeat", "many");
        Assert.True(usage.ExitCode == 2 && usage.StandardError.Contains("--repeat", StringComparison.Ordinal)
            && usage.StandardError.Contains("Usage:", StringComparison.Ordinal) && usage.StandardOutput.Length == 0, usage.ToString());
    }

    /// <summary>UTF-8 text of the kinds wc distinguishes: tabs, CRLF, several scripts, no-break and other Unicode spaces, no final newline, an empty file.</summary>
    private static List<string> WriteSampleFiles(string directory)
    {
        var samples = new Dictionary<string, string>
        {
            ["plain.txt"] = "The quick brown fox\njumps over the lazy dog.\n",
            ["tabs-crlf.txt"] = "one\ttwo\r\nthree  four\r\n\r\n",
            ["scripts.txt"] = "Grüße aus Köln — 日本語のテキスト, Ελληνικά και русский текст 🙂\n",
            ["spaces.txt"] = "no\u00A0break thin\u2009space ideographic\u3000space em\u2003space",
            ["empty.txt"] = "",
            ["nested/deeper/long.txt"] = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i} with some words ü\n")),
        };
        var paths = new List<string>();
        foreach (var (name, content) in samples)
        {
            var path = Path.Combine(directory, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }

        return paths;
    }

    private static async Task<(long Lines, long Words, long Bytes)> WcTotalAsync(string work, IReadOnlyList<string> files)
    {
        var wc = await ProcessRunner.RunAsync("wc", ["-l", "-w", "-c", .. files, "/dev/null"], work, Timeout,
            new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(wc.ExitCode == 0, wc.ToString());
        var total = wc.StandardOutput.Trim().Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(total[0]), long.Parse(total[1]), long.Parse(total[2]));
    }

    private static Task<ProcessResult> RunAsync(string app, string workingDirectory, params string[] args) =>
        ProcessRunner.RunAsync(app, args, workingDirectory, Timeout, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Native AOT links with clang; this machine has it as clang-14 (the generated project does not hard-code that).</summary>
    private static string[] NativeLinker() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "clang")))
            ? []
            : ["-p:CppCompilerAndLinker=clang-14"];
}
