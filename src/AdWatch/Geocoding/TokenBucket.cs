namespace AdWatch.Geocoding;

/// <summary>
/// A token bucket on the injected <see cref="TimeProvider"/>: <c>burst</c> requests at once, then one every
/// 1/<c>perSecond</c> seconds. Refilled lazily from elapsed time (no timer), so replayed or fake clocks pace it too.
/// </summary>
internal sealed class TokenBucket(double perSecond, int burst, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    /// <summary>Waits until a token is free and takes it.</summary>
    public async Task TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(burst, _tokens + time.GetElapsedTime(_last, now).TotalSeconds * perSecond);
                _last = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }
                wait = TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            }
            await Task.Delay(wait, time, ct);
        }
    }
}
