using Contoso.Platform.Core.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_match_the_model()
    {
        await using var database = await TestDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var db = database.CreateDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model has changed since the last migration. From the API project's folder, run the command " +
            "`dotnet new myapp-resource` printed, or for another change, from the workspace's root: " +
            "bash tools/scripts/add-migration.sh <Name>");
    }
}
