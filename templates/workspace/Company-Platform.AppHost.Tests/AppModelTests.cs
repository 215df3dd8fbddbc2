using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Company.Platform.Core.Models;
using Company.Platform.Core.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Company.Platform.AppHost.Tests;

/// <summary>
/// The app model as <c>dotnet run</c> of the AppHost starts it, without the dashboard: Aspire's orchestrator runs
/// the API and two workers as processes of their own, on a database of the test's, and the test drives them over
/// HTTP and reads the jobs table.
/// </summary>
public sealed class AppModelTests
{
    private const string Api = "app-resource-name-api";

    [Fact]
    public async Task The_app_model_runs_the_api_and_the_workers_that_do_the_job_a_new_user_queues()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(ct);
        // The AppHost's connection string resource, pointed at the test's database as a user points it elsewhere.
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync(
            typeof(AppModel), [$"ConnectionStrings:Default={database.ConnectionString}"], ct);
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
            await WaitUntilTheJobIsDoneAsync(database, ct);
        }

        // Disposing the app model stops what the orchestrator started: the API no longer answers.
        using var after = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("/health/live", ct));
    }

    /// <summary>Waits for a worker to finish the user's welcome job, failing after a minute.</summary>
    private static async Task WaitUntilTheJobIsDoneAsync(TestDatabase database, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await using var db = database.CreateDbContext();
            var jobs = await db.Jobs.AsNoTracking().Select(job => job.Status).ToListAsync(ct);
            if (jobs is [JobStatus.Done])
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The job was not done within a minute: [{string.Join(", ", jobs)}]");
            await Task.Delay(100, ct);
        }
    }
}
