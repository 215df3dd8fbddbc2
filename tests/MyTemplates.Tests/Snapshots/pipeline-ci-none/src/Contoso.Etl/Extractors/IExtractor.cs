using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;

namespace Contoso.Etl.Extractors;

/// <summary>A source of rows, read as a stream so that memory stays bounded however large the source is.</summary>
public interface IExtractor
{
    /// <summary>The rows of <paramref name="entity"/>'s records, under a header with at least its columns.</summary>
    /// <exception cref="PipelineException">
    /// The source cannot be read or lacks one of the entity's columns (exit code 2), raised before the first row.
    /// </exception>
    IAsyncEnumerable<SourceRow> ExtractAsync(Entity entity, CancellationToken cancellationToken = default);
}
