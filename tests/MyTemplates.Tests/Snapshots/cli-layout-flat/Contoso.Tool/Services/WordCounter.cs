using System.Buffers;
using System.Text;

namespace Contoso.Tool.Services;

/// <summary>
/// Counts a byte stream the way GNU <c>wc -l -w -c</c> does in a C.UTF-8 locale: lines are newline
/// bytes; a word is a run of printable characters between white space; non-printable characters and
/// invalid UTF-8 neither start nor end a word. Reads in fixed-size blocks, so memory stays constant.
/// </summary>
public static class WordCounter
{
    private const int BufferSize = 128 * 1024;

    private enum ByteClass : byte
    {
        NonPrintable,
        Printable,
        Space,
        Newline,
    }

    private static readonly ByteClass[] AsciiClasses = CreateAsciiClasses();

    public static async Task<Counts> CountAsync(Stream stream, IProgress<long>? bytesRead = null, CancellationToken cancellationToken = default)
    {
        // Not pooled: a read abandoned on cancellation may still write into it.
        var buffer = new byte[BufferSize];
        var state = new State();
        var carried = 0; // bytes of a UTF-8 sequence cut by the end of the previous block
        long bytes = 0;
        while (true)
        {
            // Some streams (stdin) ignore the token while blocked in a read: stop waiting for them when it is cancelled.
            var read = await stream.ReadAsync(buffer.AsMemory(carried, BufferSize - carried), cancellationToken)
                .AsTask().WaitAsync(cancellationToken);
            bytes += read;
            var available = carried + read;
            var consumed = state.Add(buffer.AsSpan(0, available), isFinalBlock: read == 0);
            carried = available - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
            bytesRead?.Report(read);
            if (read == 0)
            {
                return new Counts(state.Lines, state.Words, bytes);
            }
        }
    }

    /// <summary>Counts bytes held in memory (for tests and small inputs).</summary>
    public static Counts Count(ReadOnlySpan<byte> data)
    {
        var state = new State();
        state.Add(data, isFinalBlock: true);
        return new Counts(state.Lines, state.Words, data.Length);
    }

    private struct State
    {
        public long Lines;
        public long Words;
        private bool inWord;

        /// <returns>How many bytes were used; the rest is the start of a UTF-8 sequence to retry with more data.</returns>
        public int Add(ReadOnlySpan<byte> data, bool isFinalBlock)
        {
            var i = 0;
            while (i < data.Length)
            {
                var value = data[i];
                if (value < 0x80)
                {
                    Apply(AsciiClasses[value]);
                    i++;
                    continue;
                }

                var status = Rune.DecodeFromUtf8(data[i..], out var rune, out var length);
                if (status == OperationStatus.NeedMoreData && !isFinalBlock)
                {
                    return i;
                }

                if (status == OperationStatus.Done)
                {
                    Apply(Classify(rune));
                }

                i += Math.Max(length, 1);
            }

            return data.Length;
        }

        private void Apply(ByteClass kind)
        {
            switch (kind)
            {
                case ByteClass.Newline:
                    Lines++;
                    inWord = false;
                    break;
                case ByteClass.Space:
                    inWord = false;
                    break;
                case ByteClass.Printable when !inWord:
                    inWord = true;
                    Words++;
                    break;
            }
        }
    }

    private static ByteClass Classify(Rune rune) => rune.Value switch
    {
        // White space of the C.UTF-8 locale beyond ASCII, and the no-break spaces that wc also splits words on.
        0x00A0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x2060 or 0x3000 => ByteClass.Space,
        _ => Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Control
            or System.Globalization.UnicodeCategory.OtherNotAssigned
            or System.Globalization.UnicodeCategory.Surrogate
            ? ByteClass.NonPrintable
            : ByteClass.Printable,
    };

    private static ByteClass[] CreateAsciiClasses()
    {
        var classes = new ByteClass[128];
        for (var b = 0x21; b < 0x7F; b++)
        {
            classes[b] = ByteClass.Printable;
        }

        classes[' '] = classes['\t'] = classes['\r'] = classes['\v'] = classes['\f'] = ByteClass.Space;
        classes['\n'] = ByteClass.Newline;
        return classes;
    }
}
