using System.Net;
using System.Net.Http.Json;
using System.Text;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.TestSupport;
using static Contoso.Platform.Api.Tests.ProblemAssert;

namespace Contoso.Platform.Api.Tests;

public sealed class UsersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_user_can_be_created_read_changed_and_deleted()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await client.PostAsJsonAsync("/users", new UserBuilder().WithEmail(" Ada@Example.com ").Build(), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = (await created.Content.ReadFromJsonAsync<User>(ct))!;
        Assert.Equal($"/users/{user.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("ada@example.com", user.Email);

        Assert.Equal(user, await client.GetFromJsonAsync<User>($"/users/{user.Id}", ct));

        var patched = await client.PatchAsJsonAsync($"/users/{user.Id}", new { name = "Ada King" }, ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var changed = (await patched.Content.ReadFromJsonAsync<User>(ct))!;
        Assert.Equal(("Ada King", user.Email), (changed.Name, changed.Email));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/users/{user.Id}", ct)).StatusCode);
        await AssertProblemAsync(await client.GetAsync($"/users/{user.Id}", ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.DeleteAsync($"/users/{user.Id}", ct), HttpStatusCode.NotFound);
        await AssertProblemAsync(await client.PatchAsJsonAsync($"/users/{user.Id}", new { name = "x" }, ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_taken_email_is_a_409_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new UserBuilder().Build();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/users", request, ct)).StatusCode);

        var duplicate = request with { Email = request.Email.ToUpperInvariant() };
        await AssertProblemAsync(await client.PostAsJsonAsync("/users", duplicate, ct), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","name":"Ada"}""", "email")]
    [InlineData("""{"email":"ada@example.com"}""", "name")]
    [InlineData("""{"email":"ada@example.com","name":"   "}""", "name")]
    [InlineData("""{"name":"Ada"}""", "email")]
    public async Task An_invalid_user_is_a_400_listing_the_fields(string json, string field)
    {
        var response = await client.PostAsync("/users", new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {problem}");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"email":"not-an-email","name":""}""")]
    [InlineData("""{"email":"ada@example.com","name":"   "}""")]
    public async Task Every_validation_message_names_its_field_as_the_json_does(string json)
    {
        var response = await client.PostAsync("/users", new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in problem.GetProperty("errors").EnumerateObject())
        {
            var pascal = char.ToUpperInvariant(field.Name[0]) + field.Name[1..];
            foreach (var message in field.Value.EnumerateArray().Select(message => message.GetString()!))
            {
                Assert.Contains(field.Name, message, StringComparison.Ordinal);
                Assert.DoesNotContain(pascal, message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"email":"nope"}""", "email")]
    public async Task An_invalid_change_is_a_400(string json, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
        var user = (await created.Content.ReadFromJsonAsync<User>(ct))!;

        var response = await client.PatchAsync($"/users/{user.Id}", new StringContent(json, Encoding.UTF8, "application/json"), ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for '{field}' in {problem}");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_a_wrong_content_type_a_415()
    {
        var ct = TestContext.Current.CancellationToken;

        await AssertProblemAsync(
            await client.PostAsync("/users", new StringContent("{\"email\":", Encoding.UTF8, "application/json"), ct),
            HttpStatusCode.BadRequest);
        await AssertProblemAsync(
            await client.PostAsync("/users", new StringContent("email=ada@example.com", Encoding.UTF8, "text/plain"), ct),
            HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=1000001")]
    [InlineData("size=0")]
    [InlineData("size=101")]
    [InlineData("page=abc")]
    public async Task A_page_out_of_range_is_a_400(string query) =>
        await AssertProblemAsync(await client.GetAsync($"/users?{query}", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Every_response_carries_a_correlation_id_errors_too()
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new UserBuilder().Build();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/users", request, ct)).StatusCode);

        using var live = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { "X-Correlation-ID", "abc-123" } } };
        using var conflict = new HttpRequestMessage(HttpMethod.Post, "/users")
        {
            Headers = { { "X-Correlation-ID", "abc-409" } },
            Content = JsonContent.Create(request), // a 409 from the exception handler, which clears the response first
        };

        Assert.Equal("abc-123", Assert.Single((await client.SendAsync(live, ct)).Headers.GetValues("X-Correlation-ID")));
        var refused = await client.SendAsync(conflict, ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("abc-409", Assert.Single(refused.Headers.GetValues("X-Correlation-ID")));
    }
}
