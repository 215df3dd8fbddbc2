using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contoso.Etl.Config;
using Contoso.Etl.Models;
using Contoso.Etl.Pipeline;
using Microsoft.Extensions.Options;

namespace Contoso.Etl.Extractors;

/// <summary>
/// Reads users from an HTTP API shaped like the one <c>myapp-webapi</c> generates
/// (<c>GET /users?page=N&amp;size=M</c> → <c>{items, total, page, size}</c>), page after page until a
/// page comes back short or empty. Time-outs and retries with back-off come from the HttpClient's
/// standard resilience handler (see <see cref="ExtractorExtensions"/>).
/// </summary>
public sealed class ApiExtractor(HttpClient http, IOptions<ApiOptions> options) : IExtractor
{
    private static readonly string[] Header = ["id", "email", "name", "created_at"];

    public string Description => http.BaseAddress?.ToString() ?? "the API";

    public async IAsyncEnumerable<SourceRow> ExtractAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var size = options.Value.PageSize;
        long number = 0;
        for (var page = 1; ; page++)
        {
            UsersPage? body;
            try
            {
                body = await http.GetFromJsonAsync($"users?page={page}&size={size}", ApiJsonContext.Default.UsersPage, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException or TimeoutException
                || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Nothing is loaded before the first page arrives; a later failure ends the run with what was committed.
                throw new PipelineException($"Cannot read page {page} of {Description}users: {exception.Message}",
                    number == 0 ? ExitCodes.Usage : ExitCodes.Failure, exception);
            }

            var items = body?.Items ?? [];
            foreach (var item in items)
            {
                number++;
                string[] fields = [item.Id ?? "", item.Email ?? "", item.Name ?? "", item.CreatedAt ?? ""];
                yield return new SourceRow(number, fields[0], fields[1], fields[2], fields[3], Header, fields);
            }

            if (items.Count < size)
            {
                yield break;
            }
        }
    }
}

public sealed record UsersPage(IReadOnlyList<ApiUser>? Items, long Total, int Page, int Size);

/// <summary>A user as the API sends it; every field is read as text and checked by the cleaning rules.</summary>
public sealed record ApiUser(
    [property: JsonConverter(typeof(AnyValueAsStringConverter))] string? Id,
    [property: JsonConverter(typeof(AnyValueAsStringConverter))] string? Email,
    [property: JsonConverter(typeof(AnyValueAsStringConverter))] string? Name,
    [property: JsonConverter(typeof(AnyValueAsStringConverter))] string? CreatedAt);

/// <summary>Reads a string, number or boolean as its text, so that one odd value rejects a row instead of failing the page.</summary>
public sealed class AnyValueAsStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => JsonDocument.ParseValue(ref reader).RootElement.GetRawText(),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(UsersPage))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
