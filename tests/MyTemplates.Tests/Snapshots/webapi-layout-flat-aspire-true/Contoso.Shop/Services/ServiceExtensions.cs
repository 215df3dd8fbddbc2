namespace Contoso.Shop.Services;

public static class ServiceExtensions
{
    /// <summary>What every resource's service may use; each resource registers its own service (see <c>Api/ApiResource.cs</c>).</summary>
    public static IServiceCollection AddServices(this IServiceCollection services) =>
        services.AddSingleton(TimeProvider.System);

    /// <summary>Now, in UTC, to the microsecond: the precision every supported database keeps, so a stored time reads back equal.</summary>
    public static DateTime GetUtcNowForStorage(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
