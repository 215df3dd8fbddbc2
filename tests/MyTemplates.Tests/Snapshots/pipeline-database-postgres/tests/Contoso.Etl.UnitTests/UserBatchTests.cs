using Contoso.Etl.Loaders;
using Contoso.Etl.Models;

namespace Contoso.Etl.UnitTests;

public sealed class UserBatchTests
{
    private static readonly DateTimeOffset Created = new(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void A_repeated_id_keeps_its_place_and_takes_the_later_values_but_counts_as_a_row()
    {
        using var batch = UserBatch.Of(
            new("u1", "a@x.io", "A", Created), new("u2", "b@x.io", "B", Created), new("u1", "a2@x.io", "A2", Created.AddHours(1)));

        Assert.Equal(3, batch.Count);
        Assert.Equal(["u1", "u2"], batch.Ids);
        Assert.Equal(["a2@x.io", "b@x.io"], batch.Emails);
        Assert.Equal(["A2", "B"], batch.Names);
        Assert.Equal([new DateTime(2024, 5, 1, 11, 0, 0, DateTimeKind.Utc), new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc)], batch.CreatedAt);
        Assert.All(batch.CreatedAt, createdAt => Assert.Equal(DateTimeKind.Utc, createdAt.Kind));
    }
}
