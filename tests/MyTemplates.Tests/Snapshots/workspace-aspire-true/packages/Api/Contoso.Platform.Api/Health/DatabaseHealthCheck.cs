using System.Data.Common;
using Contoso.Platform.Core.Db;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contoso.Platform.Api.Health;

/// <summary>
/// Ready when the database answers and has every migration applied. While it does not answer, the check
/// is unhealthy with one line that says why, rather than a stack trace at every probe.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}.");
        }
        catch (Exception exception) when (exception is DbException || exception.IsDatabaseUnavailable())
        {
            return HealthCheckResult.Unhealthy($"The database does not answer: {exception.Message}");
        }
    }
}
