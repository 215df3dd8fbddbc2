using System.Runtime.CompilerServices;
using System.Text.Json;
using Company.Etl.Config;
using Company.Etl.Models;
using Company.Etl.Pipeline;
using Microsoft.Extensions.Options;

namespace Company.Etl.Extractors;

/// <summary>
/// Reads an entity's records from an HTTP API shaped like the one <c>myapp-webapi</c> generates
/// (<c>GET /users?page=N&amp;size=M</c> → <c>{items, total, page, size}</c>; the path is the entity's name),
/// page after page until a page comes back short or empty. Each column is read from the item's property of
/// the same name, ignoring case and underscores (<c>created_at</c> from <c>createdAt</c>); a number or a
/// boolean is read as its text, so that one odd value rejects a row instead of failing the page. Time-outs and
/// retries with back-off come from the HttpClient's standard resilience handler (see <see cref="ExtractorExtensions"/>).
/// </summary>
public sealed class ApiExtractor(HttpClient http, IOptions<ApiOptions> options) : IExtractor
{
    public async IAsyncEnumerable<SourceRow> ExtractAsync(Entity entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = new RowHeader(entity.Columns);
        var columns = new RowHeader([.. entity.Columns.Select(column => column.Replace("_", "", StringComparison.Ordinal))]);
        var size = options.Value.PageSize;
        long number = 0;
        for (var page = 1; ; page++)
        {
            var address = $"{http.BaseAddress}{entity.Name}?page={page}&size={size}";
            JsonDocument body;
            try
            {
                await using var stream = await http.GetStreamAsync(address, cancellationToken);
                body = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or TimeoutException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Nothing is loaded before the first page arrives; a later failure ends the run with what was committed.
                throw new PipelineException($"Cannot read {address}: {exception.Message}", number == 0 ? ExitCodes.Usage : ExitCodes.Failure, exception);
            }

            using (body)
            {
                if (body.RootElement is not { ValueKind: JsonValueKind.Object } root
                    || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw new PipelineException($"{address} did not answer with a page of items ({{\"items\": [...]}}).",
                        number == 0 ? ExitCodes.Usage : ExitCodes.Failure);
                }

                foreach (var item in items.EnumerateArray())
                {
                    yield return new SourceRow(++number, header, Fields(item, columns));
                }

                if (items.GetArrayLength() < size)
                {
                    yield break;
                }
            }
        }
    }

    private static string[] Fields(JsonElement item, RowHeader columns)
    {
        var fields = new string[columns.Count];
        Array.Fill(fields, "");
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (columns.IndexOf(property.Name.Replace("_", "", StringComparison.Ordinal)) is var ordinal and >= 0)
                {
                    fields[ordinal] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    };
                }
            }
        }

        return fields;
    }
}
