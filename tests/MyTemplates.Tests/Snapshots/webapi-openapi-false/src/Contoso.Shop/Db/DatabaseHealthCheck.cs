using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Contoso.Shop.Db;

/// <summary>
/// Healthy when start-up migrations are applied and the database answers. Degraded while
/// <see cref="DatabaseMigrator"/> is still applying them: a normal phase of start-up, logged as a
/// warning rather than an error, for which <c>/health/ready</c> answers 503.
/// </summary>
public sealed class DatabaseHealthCheck(DatabaseMigrator migrator, AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrator.IsReady)
        {
            return HealthCheckResult.Degraded("Applying database migrations.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
