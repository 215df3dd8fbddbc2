using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Contoso.Platform.Api.Tests;

public static class ProblemAssert
{
    /// <summary>Asserts that the response is an RFC 9457 problem with this status, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
