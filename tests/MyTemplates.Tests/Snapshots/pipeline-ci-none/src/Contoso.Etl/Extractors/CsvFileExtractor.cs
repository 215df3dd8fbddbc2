using System.Runtime.CompilerServices;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using nietras.SeparatedValues;

namespace Contoso.Etl.Extractors;

/// <summary>
/// Reads a CSV file with full CSV syntax (quoted fields with commas, quotes and line breaks; UTF-8 with or
/// without a byte-order mark; LF or CRLF). Columns are found by header name, ignoring case; other columns are
/// ignored. A row with more or fewer fields than the header keeps its text, so that it can be rejected whole.
/// </summary>
public sealed class CsvFileExtractor(string path) : IExtractor
{
    /// <summary>Checks that <paramref name="input"/> is a file, before anything else is done.</summary>
    /// <exception cref="PipelineException">It is missing or a folder (exit code 2).</exception>
    public static void CheckInput(string input)
    {
        if (Directory.Exists(input))
        {
            throw new PipelineException($"The input '{input}' is a folder, not a CSV file.", ExitCodes.Usage);
        }

        if (!File.Exists(input))
        {
            throw new PipelineException($"The input file '{input}' does not exist.", ExitCodes.Usage);
        }
    }

    public async IAsyncEnumerable<SourceRow> ExtractAsync(Entity entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        SepReader reader;
        try
        {
            reader = await Sep.New(',').Reader(options => options with { Unescape = true, DisableColCountCheck = true })
                .FromFileAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new PipelineException($"Cannot read the input file '{path}': {exception.Message}", ExitCodes.Usage, exception);
        }

        using (reader)
        {
            var header = new RowHeader(reader.Header.ColNames.ToArray());
            if (header.Count == 0 || (header.Count == 1 && header.Names[0].Length == 0))
            {
                throw new PipelineException(
                    $"The input file '{path}' is empty: it needs a header line naming the columns ({string.Join(", ", entity.Columns)}).", ExitCodes.Usage);
            }

            if (entity.Columns.FirstOrDefault(column => header.IndexOf(column) < 0) is { } missing)
            {
                throw new PipelineException(
                    $"The input file '{path}' has no '{missing}' column, which {entity.Name} need (its columns: {string.Join(", ", header.Names)}).",
                    ExitCodes.Usage);
            }

            long number = 0;
            await foreach (var row in reader)
            {
                if (row.ColCount == 1 && row[0].Span.IsEmpty)
                {
                    continue; // a blank line, e.g. at the end of a hand-edited file
                }

                number++;

                // Taken before any field is read: reading a quoted field unescapes it in place.
                var text = row.ColCount == header.Count ? null : row.Span.ToString();
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                yield return new SourceRow(number, header, fields, text);
            }
        }
    }
}
