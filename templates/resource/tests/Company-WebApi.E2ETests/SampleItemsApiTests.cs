using System.Net;
using System.Net.Http.Json;
using System.Text;
using Company.WebApi.Models;
using static Company.WebApi.E2ETests.ProblemAssert;

namespace Company.WebApi.E2ETests;

public sealed class SampleItemsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
#if (UseJwt)
    private readonly HttpClient client = factory.CreateAuthenticatedClient();
#else
    private readonly HttpClient client = factory.CreateClient();
#endif

    [Fact]
    public async Task One_can_be_created_read_changed_and_deleted()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PostAsJsonAsync("/sample-items", new CreateSampleItemRequest { Name = " First " }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sampleItem = (await created.Content.ReadFromJsonAsync<SampleItem>(ct))!;
        Assert.Equal($"/sample-items/{sampleItem.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("First", sampleItem.Name);

        Assert.Equal(sampleItem, await client.GetFromJsonAsync<SampleItem>($"/sample-items/{sampleItem.Id}", ct));

        var patched = await client.PatchAsJsonAsync($"/sample-items/{sampleItem.Id}", new { name = "Second" }, ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Second", (await patched.Content.ReadFromJsonAsync<SampleItem>(ct))!.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/sample-items/{sampleItem.Id}", ct)).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/sample-items/{sampleItem.Id}", ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.DeleteAsync($"/sample-items/{sampleItem.Id}", ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_taken_name_is_a_409_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new CreateSampleItemRequest { Name = $"taken-{Guid.NewGuid():N}" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/sample-items", request, ct)).StatusCode);

        await AssertProblemAsync(await client.PostAsJsonAsync("/sample-items", request, ct), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    public async Task An_invalid_body_is_a_400_naming_the_field(string json)
    {
        var response = await client.PostAsync("/sample-items", new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), $"No error for 'name' in {problem}");
    }

    [Fact]
    public async Task They_are_listed_oldest_first_in_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/sample-items", new CreateSampleItemRequest { Name = $"page-{Guid.NewGuid():N}" }, ct);
            names.Add((await response.Content.ReadFromJsonAsync<SampleItem>(ct))!.Name);
        }

        // Other tests of this class share its database: read every page, and look for these three in order.
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = (await client.GetFromJsonAsync<PagedResult<SampleItem>>($"/sample-items?page={page}&size=2", ct))!;
            listed.AddRange(result.Items.Select(sampleItem => sampleItem.Name));
            if (page * result.Size >= result.Total)
            {
                break;
            }
        }

        Assert.Equal(names, listed.Where(names.Contains));
    }
#if (UseJwt)

    [Fact]
    public async Task Writes_without_a_token_are_401_and_reads_are_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/sample-items", new CreateSampleItemRequest { Name = "First" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/sample-items/{Guid.NewGuid()}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/sample-items", ct)).StatusCode);
    }
#endif
}
