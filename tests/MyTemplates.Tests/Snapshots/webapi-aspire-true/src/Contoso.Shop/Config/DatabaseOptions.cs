using System.ComponentModel.DataAnnotations;

namespace Contoso.Shop.Config;

/// <summary>Where the data lives: <c>ConnectionStrings:Default</c> plus the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [Required(ErrorMessage = "ConnectionStrings:Default is required (environment variable ConnectionStrings__Default).")]
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending EF Core migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; }
}
