using System.Runtime.CompilerServices;
using System.Text.Json;
using Contoso.Etl.Config;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.Options;
using Polly;

namespace Contoso.Etl.Extractors;

/// <summary>
/// Reads an entity's records from an HTTP API shaped like the one <c>myapp-webapi</c> generates
/// (<c>GET /users?page=N&amp;size=M</c> → <c>{items, total, page, size}</c>; the path is the entity's name),
/// page after page until <c>total</c> items are read or a page comes back empty (without <c>total</c>, short). Each column is read from the item's property of
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
        long rowsRead = 0;
        for (var page = 1; ; page++)
        {
            var address = $"{http.BaseAddress}{entity.Name}?page={page}&size={size}";
            JsonDocument body;
            try
            {
                await using var stream = await http.GetStreamAsync(address, cancellationToken);
                body = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or ExecutionRejectedException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Nothing is loaded before the first page arrives; a later failure ends the run with what was committed.
                // ExecutionRejectedException: the resilience handler's time-outs and open circuit.
                throw new PipelineException($"Cannot read {address}: {exception.Message}", rowsRead == 0 ? ExitCodes.Usage : ExitCodes.Failure, exception);
            }

            using (body)
            {
                if (body.RootElement is not { ValueKind: JsonValueKind.Object } root
                    || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw new PipelineException($"{address} did not answer with a page of items ({{\"items\": [...]}}).",
                        rowsRead == 0 ? ExitCodes.Usage : ExitCodes.Failure);
                }

                foreach (var item in items.EnumerateArray())
                {
                    yield return new SourceRow(++rowsRead, header, Fields(item, columns));
                }

                // A server may serve fewer items a page than asked for: its total says when the last page is read.
                var count = items.GetArrayLength();
                var last = root.TryGetProperty("total", out var total) && total.TryGetInt64(out var expected)
                    ? rowsRead >= expected || count == 0
                    : count < size;
                if (last)
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
