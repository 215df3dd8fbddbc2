using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Contoso.Platform.Api.Tests;

public sealed class HealthAndOpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_users_endpoints_and_their_errors()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        var post = paths.GetProperty("/users").GetProperty("post").GetProperty("responses");
        Assert.True(post.TryGetProperty("201", out _));
        Assert.True(post.TryGetProperty("400", out _));
        Assert.True(post.TryGetProperty("409", out _));
        Assert.True(paths.GetProperty("/users/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task In_development_the_api_reference_page_and_its_scripts_are_served()
    {
        var client = factory.CreateClient(); // the factory's environment is Development
        var page = await client.GetAsync("/scalar/v1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var scripts = Regex.Matches(html, "<script[^>]* src=\"([^\"]+)\"").Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var response = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{script}: {response.StatusCode}");
        }
    }
}
