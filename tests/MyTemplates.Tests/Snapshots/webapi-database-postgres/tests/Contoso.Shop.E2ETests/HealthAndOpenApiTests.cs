using System.Net;
using System.Text.Json;

namespace Contoso.Shop.E2ETests;

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
}
