namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real clock plus an offset a test can move forward: the app keeps working with real timers (Hangfire, Kestrel),
/// while sessions and lockouts can be made to expire without waiting.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
