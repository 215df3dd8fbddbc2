using System.Text;
using Contoso.Tool.Services;

namespace Contoso.Tool.Tests;

/// <summary>The counts GNU wc -l -w -c gives in a C.UTF-8 locale.</summary>
public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("one", 0, 1)]
    [InlineData("one two\n", 1, 2)]
    [InlineData("  leading and trailing  \n\n", 2, 3)]
    [InlineData("tab\tseparated\r\nwindows\r\n", 2, 3)]
    [InlineData("non\u00A0breaking\u2007spaces\u202Fsplit", 0, 4)]
    [InlineData("em\u2003space and ideographic\u3000space", 0, 5)]
    [InlineData("accents ü and 日本語 count as letters, 🙂 too", 0, 9)]
    [InlineData("a\u0001b", 0, 1)]
    [InlineData(" \u0001 ", 0, 0)]
    public async Task Counts_like_wc(string text, long lines, long words)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        Assert.Equal(new Counts(lines, words, bytes.Length), await CountAsync(bytes));
    }

    [Fact]
    public async Task Invalid_utf8_counts_as_bytes_but_neither_starts_nor_ends_a_word()
    {
        Assert.Equal(new Counts(0, 1, 3), await CountAsync([(byte)'a', 0xFF, (byte)'b']));
        Assert.Equal(new Counts(0, 0, 1), await CountAsync([0xFF]));
        Assert.Equal(new Counts(0, 1, 3), await CountAsync([(byte)'a', 0xE6, 0x97])); // a character cut short by the end
    }

    [Fact]
    public async Task A_character_cut_by_a_block_boundary_is_counted_once()
    {
        // Many blocks, with three-byte characters that straddle the block edges.
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("日本 語\n", 100_000)));

        Assert.Equal(new Counts(100_000, 200_000, bytes.Length), await CountAsync(bytes));
    }

    private static Task<Counts> CountAsync(byte[] bytes) =>
        WordCounter.CountAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);
}
