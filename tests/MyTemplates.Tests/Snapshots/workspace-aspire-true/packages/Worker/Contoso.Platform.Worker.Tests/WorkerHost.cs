using Contoso.Platform.Core;
using Contoso.Platform.Core.Models;
using Contoso.Platform.Core.Services;
using Contoso.Platform.Core.TestSupport;
using Contoso.Platform.Hosting;
using Contoso.Platform.Worker.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Contoso.Platform.Worker.Tests;

/// <summary>The worker as Program.cs builds it, on a test database, with a short poll interval so tests see jobs done quickly; a test may swap the job handler or the clock, or add services (an exporter).</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private WorkerHost(IHost host, TestDatabase database) => (Host, Database) = (host, database);

    public IHost Host { get; }

    public TestDatabase Database { get; }

    public JobWorker Worker => Host.Services.GetServices<IHostedService>().OfType<JobWorker>().Single();

    public static async Task<WorkerHost> CreateAsync(IJobHandler? handler = null, Dictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "false",
            ["Worker:PollInterval"] = "00:00:00.020",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddTelemetry("Contoso.Platform.Worker");
        builder.AddCore();
        builder.AddWorker();
        services?.Invoke(builder.Services);
        if (handler is not null)
        {
            builder.Services.AddKeyedSingleton(WelcomeMessage.Kind, handler);
        }

        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        return new WorkerHost(builder.Build(), database);
    }

    /// <summary>Creates users as the API does, each with its welcome-message job.</summary>
    public async Task CreateUsersAsync(int count)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        for (var i = 0; i < count; i++)
        {
            await users.CreateAsync(new UserBuilder().Build(), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the jobs table, failing after 30 seconds.</summary>
    public async Task WaitForJobsAsync(Func<IReadOnlyList<Core.Db.JobEntity>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = Database.CreateDbContext();
            var jobs = await db.Jobs.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            if (done(jobs))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The jobs did not get there in time: {string.Join(", ", jobs.Select(job => $"{job.Status}/{job.Attempts}"))}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Database.DisposeAsync();
    }
}
