using System.Text;
using Contoso.Etl.Loaders;
using Contoso.Etl.Models;

namespace Contoso.Etl.UnitTests;

public sealed class UserBatchTests
{
    private static readonly DateTimeOffset Created = new(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));

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
}
