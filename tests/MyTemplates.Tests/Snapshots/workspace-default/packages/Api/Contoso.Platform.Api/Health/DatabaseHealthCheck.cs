using Contoso.Platform.Core.Db;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contoso.Platform.Api.Health;

/// <summary>
/// Ready when the database answers and has every migration applied. A database that does not
/// answer throws, which the health check service reports as unhealthy.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}.");
    }
}
