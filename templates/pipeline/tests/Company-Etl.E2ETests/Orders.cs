using Company.Etl.Loaders;
using Company.Etl.Models;
using Company.Etl.Pipeline;
using Company.Etl.Transformers;

namespace Company.Etl.E2ETests;

// A second, test-only entity, written as the README's "Add a second entity" says: a record, its rules, its
// table map and one line (here Orders.Entity instead of a line in Entities.cs). Nothing else in the app changes.

/// <summary>A clean order: who placed it, when, and its total in cents.</summary>
public sealed record Order(string Id, string UserId, DateTimeOffset PlacedAt, string TotalCents);

/// <summary><c>id</c> and <c>user_id</c> trimmed, not empty; <c>placed_at</c> ISO 8601 with an offset; <c>total_cents</c> a whole number ≥ 0.</summary>
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

        if (!Rules.TryParseTimestamp(row["placed_at"].AsSpan().Trim(), out var placedAt))
        {
            return new Rejection("placed_at is not an ISO 8601 date-time with Z or an offset");
        }

        var total = row["total_cents"].Trim();
        if (!ulong.TryParse(total, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return new Rejection("total_cents is not a whole number of cents");
        }

        return new Order(id, userId, placedAt, total);
    }
}

public static class OrderTable
{
    public static readonly TableMap<Order> Map = new("orders", key: "id",
    [
        new("id", ColumnType.Text, order => order.Id),
        new("user_id", ColumnType.Text, order => order.UserId),
        new("placed_at", ColumnType.Timestamp, order => order.PlacedAt),
        new("total_cents", ColumnType.Text, order => order.TotalCents),
    ]);
}

public static class Orders
{
    public static readonly Entity Entity = Entity.Of("orders", new OrderRules(), OrderTable.Map);
}
