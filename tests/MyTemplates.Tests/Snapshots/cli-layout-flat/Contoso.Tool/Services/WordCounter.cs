using System.Buffers;
using System.Globalization;
using System.Text;

namespace Contoso.Tool.Services;

/// <summary>Lines, words and bytes, as <c>wc -l -w -c</c> reports them.</summary>
public readonly record struct Counts(long Lines, long Words, long Bytes)
{
    public static Counts operator +(Counts left, Counts right) =>
        new(left.Lines + right.Lines, left.Words + right.Words, left.Bytes + right.Bytes);
}

/// <summary>
/// Counts a byte stream as GNU <c>wc -l -w -c</c> does in a C.UTF-8 locale: a line is a newline; a word
/// is a run of printable characters between white space; other characters and invalid UTF-8 neither
/// start nor end a word. Reads block by block, so memory stays the same whatever the size.
/// </summary>
public static class WordCounter
{
    public static async Task<Counts> CountAsync(Stream stream, IProgress<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[128 * 1024];
        long lines = 0, words = 0, bytes = 0;
        var inWord = false;
        var kept = 0; // the first bytes of a character that the previous block cut in two
        int read;
        do
        {
            read = await stream.ReadAsync(buffer.AsMemory(kept), cancellationToken);
            bytes += read;
            bytesRead?.Report(read);
            var data = buffer.AsSpan(0, kept + read);
            while (!data.IsEmpty)
            {
                var status = Rune.DecodeFromUtf8(data, out var rune, out var length);
                if (status == OperationStatus.NeedMoreData && read > 0)
                {
                    break; // the rest of the character comes with the next block
                }

                if (status == OperationStatus.Done)
                {
                    if (rune.Value == '\n')
                    {
                        lines++;
                    }

                    if (IsSpace(rune))
                    {
                        inWord = false;
                    }
                    else if (!inWord && IsPrintable(rune))
                    {
                        inWord = true;
                        words++;
                    }
                }

                data = data[length..];
            }

            data.CopyTo(buffer);
            kept = data.Length;
        }
        while (read > 0);

        return new Counts(lines, words, bytes);
    }

    /// <summary>The white space of the C.UTF-8 locale, and the no-break spaces that wc also splits words on.</summary>
    private static bool IsSpace(Rune rune) => rune.Value is
        ' ' or (>= '\t' and <= '\r') or 0x00A0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x2060 or 0x3000;

    private static bool IsPrintable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned);
}
