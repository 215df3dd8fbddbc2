using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Contoso.Shop.TestSupport;

namespace Contoso.Shop.AppHost.Tests;

/// <summary>
/// The app model as <c>dotnet run</c> of the AppHost starts it, without the dashboard: Aspire's orchestrator runs
/// the API as a process of its own, on a database of the test's, and the test talks to it over HTTP.
/// </summary>
public sealed class AppModelTests
{
    private const string Api = "contoso-shop";

    [Fact]
    public async Task The_app_model_runs_the_api_ready_to_create_users_and_stops_it_when_disposed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);
        string[] args = [];
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync(typeof(AppModel), args, ct);
        var api = appHost.CreateResourceBuilder<ProjectResource>(Api);
        api.WithEnvironment("ConnectionStrings__Default", database.ConnectionString);

        var app = await appHost.BuildAsync(ct);
        Uri endpoint;
        await using (app)
        {
            await app.StartAsync(ct);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(Api, ct).WaitAsync(TimeSpan.FromMinutes(2), ct);
            using var http = app.CreateHttpClient(Api);
            endpoint = http.BaseAddress!;
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", ct)).StatusCode);

            var created = await http.PostAsJsonAsync("/users", new UserBuilder().Build(), ct);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        }

        // Disposing the app model stops what the orchestrator started: the API no longer answers.
        using var after = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("/health/live", ct));
    }
}
