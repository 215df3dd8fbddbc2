namespace Contoso.Tool.Services;

/// <summary>Lines, words and bytes, as <c>wc -l -w -c</c> reports them.</summary>
public readonly record struct Counts(long Lines, long Words, long Bytes)
{
    public static Counts operator +(Counts left, Counts right) =>
        new(left.Lines + right.Lines, left.Words + right.Words, left.Bytes + right.Bytes);
}
