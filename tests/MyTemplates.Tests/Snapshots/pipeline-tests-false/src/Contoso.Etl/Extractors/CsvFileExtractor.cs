using System.Runtime.CompilerServices;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using nietras.SeparatedValues;

namespace Contoso.Etl.Extractors;

/// <summary>
/// Reads users from a CSV file with full CSV syntax (quoted fields with commas, quotes and line breaks;
/// UTF-8 with or without a byte-order mark; LF or CRLF). Columns are found by header name, ignoring
/// case; other columns are ignored.
/// </summary>
public sealed class CsvFileExtractor(string path) : IExtractor
{
    public static readonly string[] RequiredColumns = ["id", "email", "name", "created_at"];

    public string Description => path;

    public async IAsyncEnumerable<SourceRow> ExtractAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
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
            var header = reader.Header.ColNames.ToArray();
            var ordinals = RequiredColumns.Select(column => Array.FindIndex(header, name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (Array.IndexOf(ordinals, -1) is var missing and >= 0)
            {
                throw new PipelineException(
                    $"The input file '{path}' has no '{RequiredColumns[missing]}' column (its columns: {string.Join(", ", header)}).",
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
                var fields = new string[row.ColCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = row[i].ToString();
                }

                yield return new SourceRow(number, Field(ordinals[0]), Field(ordinals[1]), Field(ordinals[2]), Field(ordinals[3]), header, fields);

                string Field(int ordinal) => ordinal < fields.Length ? fields[ordinal] : "";
            }
        }
    }
}
