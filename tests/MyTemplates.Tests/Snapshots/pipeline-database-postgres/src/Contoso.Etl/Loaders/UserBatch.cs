using Contoso.Etl.Models;

namespace Contoso.Etl.Loaders;

/// <summary>
/// One batch of clean users on its way to the database, held the way the loader sends them: one list per
/// column, each id once (a later user with the same id replaces the earlier one, as the upsert would).
/// </summary>
public sealed class UserBatch(int capacity) : IDisposable
{
    private readonly Dictionary<string, int> indexOfId = new(capacity, StringComparer.Ordinal);

    /// <summary>The users added, a repeated id counted each time.</summary>
    public int Count { get; private set; }

    public List<string> Ids { get; } = new(capacity);

    public List<string> Emails { get; } = new(capacity);

    public List<string> Names { get; } = new(capacity);

    public List<DateTime> CreatedAt { get; } = new(capacity);

    public static UserBatch Of(params ReadOnlySpan<User> users)
    {
        var batch = new UserBatch(users.Length);
        foreach (var user in users)
        {
            batch.Add(user);
        }

        return batch;
    }

    public void Add(User user)
    {
        if (indexOfId.TryGetValue(user.Id, out var index))
        {
            Emails[index] = user.Email;
            Names[index] = user.Name;
            CreatedAt[index] = user.CreatedAt.UtcDateTime;
        }
        else
        {
            indexOfId.Add(user.Id, Ids.Count);
            Ids.Add(user.Id);
            Emails.Add(user.Email);
            Names.Add(user.Name);
            CreatedAt.Add(user.CreatedAt.UtcDateTime);
        }

        Count++;
    }

    /// <summary>Nothing to give back: the columns are ordinary lists. Here so that both loaders' batches are used alike.</summary>
    public void Dispose()
    {
    }
}
