using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;

namespace Contoso.Platform.Core.Config;

/// <summary>Where the data lives: <c>ConnectionStrings:Default</c> plus the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string RelativeFileMessage =
        "ConnectionStrings:Default names the SQLite file by a relative path, which each process resolves against its own working folder, " +
        "so the API and the workers could each open a file of their own: outside Development give an absolute path " +
        "(environment variable ConnectionStrings__Default, e.g. Data Source=/var/lib/contoso-platform/app.db).";

    [Required(ErrorMessage = "ConnectionStrings:Default is required (environment variable ConnectionStrings__Default).")]
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending EF Core migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// True when the connection string names its file by an absolute path, or keeps the database in memory:
    /// a name every process resolves to the same file, wherever it starts.
    /// </summary>
    public static bool NamesFileByAbsolutePath(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return true; // [Required] reports it
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return true; // malformed: opening the database reports it, naming the setting
        }

        return builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource is ":memory:"
            || Path.IsPathFullyQualified(builder.DataSource);
    }
}
