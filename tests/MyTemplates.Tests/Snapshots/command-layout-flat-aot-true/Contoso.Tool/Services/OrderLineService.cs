using Contoso.Tool.Core;

namespace Contoso.Tool.Services;

/// <summary>The work of <c>order-line</c>, free of console concerns: replace it with yours.</summary>
public static class OrderLineService
{
    // The app publishes with Native AOT: keep this code free of reflection (JSON through a source-generated
    // JsonSerializerContext, as Commands/ReportWriter.cs does); the build's analyzers warn about anything that is not.

    /// <returns>The lines to write: each item, <paramref name="repeat"/> times, in order.</returns>
    /// <exception cref="CliException">An item is empty or white space.</exception>
    public static IReadOnlyList<string> Run(IReadOnlyList<string> items, int repeat)
    {
        var blank = items.FirstOrDefault(string.IsNullOrWhiteSpace);
        if (blank is not null)
        {
            throw new CliException("An item is empty; give each item a name.");
        }

        return [.. items.SelectMany(item => Enumerable.Repeat($"order-line: {item.Trim()}", repeat))];
    }
}
