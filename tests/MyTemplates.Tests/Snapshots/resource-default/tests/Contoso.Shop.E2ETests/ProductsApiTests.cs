using System.Net;
using System.Net.Http.Json;
using System.Text;
using Contoso.Shop.Models;
using static Contoso.Shop.E2ETests.ProblemAssert;

namespace Contoso.Shop.E2ETests;

public sealed class ProductsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task One_can_be_created_read_changed_and_deleted()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PostAsJsonAsync("/products", new CreateProductRequest { Name = " First " }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = (await created.Content.ReadFromJsonAsync<Product>(ct))!;
        Assert.Equal($"/products/{product.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("First", product.Name);

        Assert.Equal(product, await client.GetFromJsonAsync<Product>($"/products/{product.Id}", ct));

        var patched = await client.PatchAsJsonAsync($"/products/{product.Id}", new { name = "Second" }, ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Second", (await patched.Content.ReadFromJsonAsync<Product>(ct))!.Name);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/products/{product.Id}", ct)).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/products/{product.Id}", ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.DeleteAsync($"/products/{product.Id}", ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_taken_name_is_a_409_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new CreateProductRequest { Name = $"taken-{Guid.NewGuid():N}" };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/products", request, ct)).StatusCode);

        await AssertProblemAsync(await client.PostAsJsonAsync("/products", request, ct), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"   "}""")]
    public async Task An_invalid_body_is_a_400_naming_the_field(string json)
    {
        var response = await client.PostAsync("/products", new StringContent(json, Encoding.UTF8, "application/json"),
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
            var response = await client.PostAsJsonAsync("/products", new CreateProductRequest { Name = $"page-{Guid.NewGuid():N}" }, ct);
            names.Add((await response.Content.ReadFromJsonAsync<Product>(ct))!.Name);
        }

        // Other tests of this class share its database: read every page, and look for these three in order.
        var listed = new List<string>();
        for (var page = 1; ; page++)
        {
            var result = (await client.GetFromJsonAsync<PagedResult<Product>>($"/products?page={page}&size=2", ct))!;
            listed.AddRange(result.Items.Select(product => product.Name));
            if (page * result.Size >= result.Total)
            {
                break;
            }
        }

        Assert.Equal(names, listed.Where(names.Contains));
    }
}
