using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContextPool<AppDb>(options => options.UseSqlite(builder.Configuration.GetConnectionString("Default")));
builder.Services.AddHealthChecks().AddDbContextCheck<AppDb>();

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDb>();
    await db.Database.EnsureCreatedAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
}

app.MapHealthChecks("/health/ready");

app.MapGet("/users/{id:guid}", async (Guid id, AppDb db) =>
    await db.Users.AsNoTracking().FirstOrDefaultAsync(user => user.Id == id) is { } user ? Results.Ok(user) : Results.NotFound());

app.MapPost("/users", async (NewUser input, AppDb db) =>
{
    var now = DateTime.UtcNow;
    var user = new User { Id = Guid.CreateVersion7(), Email = input.Email.Trim().ToLowerInvariant(), Name = input.Name.Trim(), CreatedAt = now, UpdatedAt = now };
    db.Users.Add(user);
    try
    {
        await db.SaveChangesAsync();
    }
    catch (DbUpdateException)
    {
        return Results.Conflict();
    }

    return Results.Created($"/users/{user.Id}", user);
});

await app.RunAsync();

public sealed record NewUser(string Email, string Name);

public sealed class User
{
    public Guid Id { get; set; }

    public required string Email { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public sealed class AppDb(DbContextOptions<AppDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>().ToTable("users");
        modelBuilder.Entity<User>().HasIndex(user => user.Email).IsUnique();
    }
}
