#if (UseSqlite)
using System.Text;
#endif
using Company.Etl.Loaders;
using Company.Etl.Models;

namespace Company.Etl.UnitTests;

public sealed class UserBatchTests
{
    private static readonly DateTimeOffset Created = new(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));

#if (UseSqlite)
    [Fact]
    public void Each_user_reads_back_as_utf8_with_the_timestamp_in_utc()
    {
        using var batch = UserBatch.Of(new("u1", "zoe@example.com", "Zoë Nguyễn", Created), new("u2", "b@x.io", "B", Created.AddTicks(1)));

        Assert.Equal(2, batch.Count);
        Assert.Equal(["u1", "zoe@example.com", "Zoë Nguyễn", "2024-05-01T10:00:00.0000000Z"], Read(batch, 0));
        Assert.Equal(["u2", "b@x.io", "B", "2024-05-01T10:00:00.0000001Z"], Read(batch, 1));
    }

    [Fact]
    public void A_batch_grows_past_the_capacity_it_was_given()
    {
        using var batch = new UserBatch(capacity: 1);
        var longName = new string('é', 100);

        for (var n = 0; n < 500; n++)
        {
            batch.Add(new User($"u{n}", $"user{n}@example.com", longName, Created));
        }

        Assert.Equal(500, batch.Count);
        Assert.Equal(["u0", "user0@example.com", longName, "2024-05-01T10:00:00.0000000Z"], Read(batch, 0));
        Assert.Equal(["u499", "user499@example.com", longName, "2024-05-01T10:00:00.0000000Z"], Read(batch, 499));
    }

    [Fact]
    public void Reading_past_the_last_user_throws()
    {
        using var batch = UserBatch.Of(new User("u1", "a@x.io", "A", Created));

        Assert.Throws<ArgumentOutOfRangeException>(() => Read(batch, 1));
    }

    private static string[] Read(UserBatch batch, int index)
    {
        var user = batch[index];
        return [Encoding.UTF8.GetString(user.Id), Encoding.UTF8.GetString(user.Email), Encoding.UTF8.GetString(user.Name), Encoding.UTF8.GetString(user.CreatedAt)];
    }
#endif
#if (UsePostgres)
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
#endif
}
