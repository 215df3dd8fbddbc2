namespace MyTemplates.Update;

/// <summary>Orders NuGet versions as NuGet does for the ones a release uses: numbers first, then a pre-release before its release.</summary>
public static class PackageVersion
{
    public static int Compare(string left, string right)
    {
        var (leftNumbers, leftLabel) = Split(left);
        var (rightNumbers, rightLabel) = Split(right);
        var byNumbers = Version.TryParse(leftNumbers, out var leftVersion) && Version.TryParse(rightNumbers, out var rightVersion)
            ? leftVersion.CompareTo(rightVersion)
            : string.CompareOrdinal(leftNumbers, rightNumbers);
        if (byNumbers != 0)
        {
            return byNumbers;
        }

        return (leftLabel, rightLabel) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => string.Compare(leftLabel, rightLabel, StringComparison.OrdinalIgnoreCase),
        };
    }

    private static (string Numbers, string? Label) Split(string version)
    {
        var withoutMetadata = version.Split('+')[0];
        var dash = withoutMetadata.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (withoutMetadata, null) : (withoutMetadata[..dash], withoutMetadata[(dash + 1)..]);
    }
}
