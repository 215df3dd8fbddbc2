using Contoso.Etl.Config;
using Contoso.Etl.Extractors;
using Contoso.Etl.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Etl.IntegrationTests;

/// <summary>The API extractor over real HTTP, with the real resilience handler.</summary>
public sealed class ApiExtractorTests
{
    [Fact]
    public async Task Reads_page_after_page_until_a_short_page()
    {
        var users = Enumerable.Range(1, 5).Select(i => FakeUsersApi.User($"id{i}", $"u{i}@example.com", $"User {i}", "2024-01-01T00:00:00Z")).ToList();
        using var api = new FakeUsersApi(users);

        var rows = await Extract(api, pageSize: 2);

        Assert.Equal(["id1", "id2", "id3", "id4", "id5"], rows.Select(row => row["id"]));
        Assert.Equal(3, api.Requests);
    }

    [Fact]
    public async Task Columns_are_read_from_properties_of_the_same_name_ignoring_case_and_underscores()
    {
        using var api = new FakeUsersApi([new { ID = 7, email = "a@example.com", name = (string?)null, created_at = "2024-01-01T00:00:00Z", extra = true }]);

        var row = Assert.Single(await Extract(api, pageSize: 10));

        Assert.Equal(["id", "email", "name", "created_at"], row.Header.Names);
        Assert.Equal(["7", "a@example.com", "", "2024-01-01T00:00:00Z"], row.Fields);
    }

    [Fact]
    public async Task A_server_serving_smaller_pages_than_asked_is_read_to_its_total()
    {
        var users = Enumerable.Range(1, 7).Select(i => FakeUsersApi.User($"id{i}", $"u{i}@example.com", $"User {i}", "2024-01-01T00:00:00Z")).ToList();
        using var api = new FakeUsersApi(users, maxPageSize: 3);

        var rows = await Extract(api, pageSize: 10);

        Assert.Equal(7, rows.Count);
        Assert.Equal(3, api.Requests); // 3 + 3 + 1: the total, not a short page, ends the read
    }

    [Fact]
    public async Task A_5xx_is_answered_by_a_retry()
    {
        using var api = new FakeUsersApi([FakeUsersApi.User("id1", "a@example.com", "A", "2024-01-01T00:00:00Z")], failFirstRequests: 2);

        var rows = await Extract(api, pageSize: 10);

        Assert.Equal("id1", Assert.Single(rows)["id"]);
        Assert.Equal(3, api.Requests);
    }

    private static async Task<List<Models.SourceRow>> Extract(FakeUsersApi api, int pageSize)
    {
        var services = new ServiceCollection();
        services.AddOptions<ApiOptions>().Configure(options =>
        {
            options.PageSize = pageSize;
            options.RetryBaseDelayMilliseconds = 10;
            options.TimeoutSeconds = 10;
        });
        services.AddApiExtractor(api.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        return await provider.GetRequiredService<ApiExtractor>().ExtractAsync(Entities.All[0], TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
