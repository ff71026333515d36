namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// The real clock plus an offset the test can advance. Unlike FakeTimeProvider its timers run: the HTTP resilience
/// pipeline takes its delays and time-outs from the registered TimeProvider, and a fake one never lets them elapse.
/// </summary>
internal sealed class ShiftedTime : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
