using System.Net.Http.Json;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.TestSupport;

namespace Contoso.Platform.Api.Tests;

/// <summary>Alone in its class, so it owns its database and can count every row.</summary>
public sealed class UserListTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Users_are_listed_oldest_first_in_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        var emails = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
            emails.Add((await response.Content.ReadFromJsonAsync<User>(ct))!.Email);
        }

        var first = await client.GetFromJsonAsync<PagedResult<User>>("/users?page=1&size=2", ct);
        var second = await client.GetFromJsonAsync<PagedResult<User>>("/users?page=2&size=2", ct);

        Assert.Equal((3, 1, 2), (first!.Total, first.Page, first.Size));
        Assert.Equal(emails, first.Items.Concat(second!.Items).Select(user => user.Email));
    }
}
