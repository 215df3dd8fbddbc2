using Contoso.Shop.Db;

namespace Contoso.Shop.Api.Middleware;

/// <summary>
/// Holds a request that needs the database until start-up migrations are applied, instead of
/// letting it fail on a table that does not exist yet. Free once the database is ready.
/// </summary>
public sealed class DatabaseReadyFilter(DatabaseMigrator migrator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!migrator.IsReady)
        {
            await migrator.WaitUntilReadyAsync(context.HttpContext.RequestAborted);
        }

        return await next(context);
    }
}
