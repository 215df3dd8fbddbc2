using System.Net;
using System.Net.Http.Json;
using Contoso.Shop.TestSupport;

namespace Contoso.Shop.E2ETests;

public sealed class AuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Writes_without_a_token_are_401_and_reads_are_open()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/users", new UserBuilder().Build(), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/users/{Guid.NewGuid()}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/users", ct)).StatusCode);
    }

    [Fact]
    public async Task Writes_with_a_valid_token_succeed()
    {
        var response = await factory.CreateAuthenticatedClient().PostAsJsonAsync("/users", new UserBuilder().Build(),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
