using System.Globalization;
using Contoso.Etl.Loaders;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using Contoso.Etl.Transformers;

namespace Contoso.Etl.E2ETests;

// A second, test-only entity, written as the README's "Add a second entity" says: a record, its rules, its
// table map and one line (here Orders.Entity instead of a line in Entities.cs). Nothing else in the app changes.

public sealed record Order(string Id, string UserId, DateTimeOffset PlacedAt, long TotalCents);

public sealed class OrderRules : IRowRules<Order>
{
    public IReadOnlyList<string> Columns { get; } = ["id", "user_id", "placed_at", "total_cents"];

    public RowResult<Order> Clean(SourceRow row)
    {
        var id = row["id"].Trim();
        if (id.Length == 0)
        {
            return new Rejection("id is empty");
        }

        var userId = row["user_id"].Trim();
        if (userId.Length == 0)
        {
            return new Rejection("user_id is empty");
        }

        if (!Checks.TryParseTimestamp(row["placed_at"].AsSpan().Trim(), out var placedAt))
        {
            return new Rejection("placed_at is not an ISO 8601 date-time with Z or an offset");
        }

        if (!long.TryParse(row["total_cents"].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var totalCents))
        {
            return new Rejection("total_cents is not a whole number of cents");
        }

        return new Order(id, userId, placedAt, totalCents);
    }
}

public static class OrderTable
{
    public static readonly TableMap<Order> Map = new("orders", key: "id",
    [
        new("id", ColumnType.Text, order => order.Id),
        new("user_id", ColumnType.Text, order => order.UserId),
        new("placed_at", ColumnType.Timestamp, order => order.PlacedAt),
        new("total_cents", ColumnType.Integer, order => order.TotalCents),
    ]);
}

public static class Orders
{
    public static readonly Entity Entity = Entity.Of("orders", new OrderRules(), OrderTable.Map);

    /// <summary>The app's entities with the test's orders in place of any the app has itself (once you add yours).</summary>
    public static IReadOnlyList<Entity> BesideTheAppsOwn => [.. Entities.All.Where(entity => entity.Name != Entity.Name), Entity];
}
