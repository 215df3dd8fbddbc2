using Contoso.Etl.Models;

namespace Contoso.Etl.Extractors;

/// <summary>A source of rows, read as a stream so that memory stays bounded however large the source is.</summary>
public interface IExtractor
{
    /// <summary>A name for the source in messages and for the default reject file.</summary>
    string Description { get; }

    /// <exception cref="Pipeline.PipelineException">
    /// The source cannot be read or lacks a required column (exit code 2), raised before the first row.
    /// </exception>
    IAsyncEnumerable<SourceRow> ExtractAsync(CancellationToken cancellationToken = default);
}
