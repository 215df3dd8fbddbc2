namespace MyTemplates.Tests.Infrastructure;

/// <summary>A folder under the system temp folder (outside the repository, so no Directory.Build.props of ours applies), deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    private static readonly string RunRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mytemplates-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16]);

    /// <param name="label">The start of the folder's name.</param>
    /// <param name="parent">The folder to create it in; by default, this test run's folder under the system temp folder.</param>
    public TempDirectory(string label, string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? RunRoot, $"{label}-{Guid.NewGuid():N}"[..Math.Min(label.Length + 9, 60)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was just killed can hold a file for a moment; the OS temp cleaner takes what is left.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
