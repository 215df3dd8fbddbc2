namespace Contoso.Platform.Core.Services;

public static class ClockExtensions
{
    /// <summary>Now, in microseconds: the precision every supported database keeps, so a stored time reads back equal.</summary>
    public static DateTime GetUtcNowForStorage(this TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
