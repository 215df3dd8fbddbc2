using System.Net;
using System.Net.Http.Json;
using System.Text;
using Contoso.Shop.Models;
using static Contoso.Shop.E2ETests.ProblemAssert;

namespace Contoso.Shop.E2ETests;

public sealed class OrderLinesApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateAuthenticatedClient();

    [Fact]
    public async Task One_can_be_created_read_changed_and_deleted()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PostAsJsonAsync("/order-lines", new CreateOrderLineRequest { Name = " First " }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var orderLine = (await created.Content.ReadFromJsonAsync<OrderLine>(ct))!;
        Assert.Equal($"/order-lines/{orderLine.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("First", orderLine.Name);

        Assert.Equal(orderLine, await client.GetFromJsonAsync<OrderLine>($"/order-lines/{orderLine.Id}", ct));

        var patched = await client.PatchAsJsonAsync($"/order-lines/{orderLine.Id}", new { name = "Second" }, ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Second", (await patched.Content.ReadFromJsonAsync<OrderLine>(ct))!.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/order-lines/{orderLine.Id}", ct)).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/order-lines/{orderLine.Id}", ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.DeleteAsync($"/order-lines/{orderLine.Id}", ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_taken_name_is_a_409_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new CreateOrderLineRequest { Name = $"taken-{Guid.NewGuid():N}" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/order-lines", request, ct)).StatusCode);

        await AssertProblemAsync(await client.PostAsJsonAsync("/order-lines", request, ct), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    public async Task An_invalid_body_is_a_400_naming_the_field(string json)
    {
        var response = await client.PostAsync("/order-lines", new StringContent(json, Encoding.UTF8, "application/json"),
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
            var response = await client.PostAsJsonAsync("/order-lines", new CreateOrderLineRequest { Name = $"page-{Guid.NewGuid():N}" }, ct);
            names.Add((await response.Content.ReadFromJsonAsync<OrderLine>(ct))!.Name);
        }

        // Other tests of this class share its database: read every page, and look for these three in order.
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = (await client.GetFromJsonAsync<PagedResult<OrderLine>>($"/order-lines?page={page}&size=2", ct))!;
            listed.AddRange(result.Items.Select(orderLine => orderLine.Name));
            if (page * result.Size >= result.Total)
            {
                break;
            }
        }

        Assert.Equal(names, listed.Where(names.Contains));
    }

    [Fact]
    public async Task Writes_without_a_token_are_401_and_reads_are_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/order-lines", new CreateOrderLineRequest { Name = "First" }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/order-lines/{Guid.NewGuid()}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/order-lines", ct)).StatusCode);
    }
}
