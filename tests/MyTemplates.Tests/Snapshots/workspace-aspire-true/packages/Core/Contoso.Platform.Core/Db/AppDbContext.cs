using Microsoft.EntityFrameworkCore;

namespace Contoso.Platform.Core.Db;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<UserEntity> Users => Set<UserEntity>();

    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // Timestamps are UTC everywhere; this keeps them UTC on the way back from the database too.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
