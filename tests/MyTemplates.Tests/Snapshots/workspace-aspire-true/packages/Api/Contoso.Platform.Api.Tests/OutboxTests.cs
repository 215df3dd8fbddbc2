using System.Net;
using System.Net.Http.Json;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Core.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Api.Tests;

/// <summary>Alone in its class, so it owns its database and can count every job.</summary>
public sealed class OutboxTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_user_records_its_welcome_job_and_a_refused_one_records_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateClient();
        var request = new UserBuilder().Build();

        var user = await (await client.PostAsJsonAsync("/users", request, ct)).Content.ReadFromJsonAsync<User>(ct);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/users", request, ct)).StatusCode);

        await using var db = factory.Database.CreateDbContext();
        var job = Assert.Single(await db.Jobs.AsNoTracking().ToListAsync(ct));
        Assert.Equal((WelcomeMessage.Kind, JobStatus.Pending, 0), (job.Kind, job.Status, job.Attempts));
        Assert.Equal(new WelcomeMessage(user!.Id, user.Email, user.Name), job.ToModel().PayloadAs<WelcomeMessage>());
    }
}
