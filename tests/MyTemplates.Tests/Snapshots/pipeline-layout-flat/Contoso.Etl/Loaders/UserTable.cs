using Contoso.Etl.Models;

namespace Contoso.Etl.Loaders;

/// <summary>The <c>users</c> table: what loading users needs to know about them.</summary>
public static class UserTable
{
    public static readonly TableMap<User> Map = new("users", key: "id",
    [
        new("id", ColumnType.Text, user => user.Id),
        new("email", ColumnType.Text, user => user.Email),
        new("name", ColumnType.Text, user => user.Name),
        new("created_at", ColumnType.Timestamp, user => user.CreatedAt),
    ]);
}
