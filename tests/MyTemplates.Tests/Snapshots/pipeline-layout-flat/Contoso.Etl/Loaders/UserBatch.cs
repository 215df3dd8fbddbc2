using System.Buffers;
using System.Globalization;
using System.Text;
using Contoso.Etl.Models;

namespace Contoso.Etl.Loaders;

/// <summary>
/// One batch of clean users on its way to the database, held the way the loader binds them: every field
/// as UTF-8 in one buffer borrowed from the shared array pool. Filling it encodes the users on the reading
/// thread, beside the loading one, and a batch waiting for its turn is two arrays rather than tens of
/// thousands of small objects for the garbage collector to trace. Disposing it returns the buffers.
/// </summary>
public sealed class UserBatch : IDisposable
{
    private const int FieldsPerUser = 4;
    private const int TimestampLength = 28; // 2024-05-01T10:00:00.0000000Z
    private const int TypicalBytesPerUser = 96; // a first guess: the buffer grows when users are longer

    private byte[] bytes;
    private int[] fieldEnds; // where each field ends in bytes, FieldsPerUser a user
    private int length;
    private int fieldCount;

    public UserBatch(int capacity)
    {
        bytes = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1) * TypicalBytesPerUser);
        fieldEnds = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 1) * FieldsPerUser);
    }

    /// <summary>The users added, a repeated id counted each time.</summary>
    public int Count => fieldCount / FieldsPerUser;

    public Utf8User this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var first = index * FieldsPerUser;
            return new Utf8User(Field(first), Field(first + 1), Field(first + 2), Field(first + 3));
        }
    }

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
        if (fieldCount + FieldsPerUser > fieldEnds.Length)
        {
            fieldEnds = Grow(fieldEnds, fieldCount, fieldEnds.Length * 2);
        }

        Append(user.Id);
        Append(user.Email);
        Append(user.Name);
        Reserve(TimestampLength);
        user.CreatedAt.UtcDateTime.TryFormat(bytes.AsSpan(length), out var written, "O", CultureInfo.InvariantCulture);
        EndField(written);
    }

    public void Dispose()
    {
        if (bytes.Length == 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<int>.Shared.Return(fieldEnds);
        bytes = [];
        fieldEnds = [];
        length = fieldCount = 0;
    }

    private void Append(string value)
    {
        Reserve(Encoding.UTF8.GetMaxByteCount(value.Length));
        EndField(Encoding.UTF8.GetBytes(value, bytes.AsSpan(length)));
    }

    private void Reserve(int byteCount)
    {
        if (length + byteCount > bytes.Length)
        {
            bytes = Grow(bytes, length, Math.Max(bytes.Length * 2, length + byteCount));
        }
    }

    private void EndField(int byteCount)
    {
        length += byteCount;
        fieldEnds[fieldCount++] = length;
    }

    private ReadOnlySpan<byte> Field(int field)
    {
        var start = field == 0 ? 0 : fieldEnds[field - 1];
        return bytes.AsSpan(start, fieldEnds[field] - start);
    }

    private static T[] Grow<T>(T[] array, int used, int minimumLength)
    {
        var larger = ArrayPool<T>.Shared.Rent(minimumLength);
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array);
        return larger;
    }
}

/// <summary>One user of a <see cref="UserBatch"/>: its fields as UTF-8, the timestamp in UTC, ISO 8601.</summary>
public readonly ref struct Utf8User(ReadOnlySpan<byte> id, ReadOnlySpan<byte> email, ReadOnlySpan<byte> name, ReadOnlySpan<byte> createdAt)
{
    public ReadOnlySpan<byte> Id { get; } = id;

    public ReadOnlySpan<byte> Email { get; } = email;

    public ReadOnlySpan<byte> Name { get; } = name;

    public ReadOnlySpan<byte> CreatedAt { get; } = createdAt;
}
