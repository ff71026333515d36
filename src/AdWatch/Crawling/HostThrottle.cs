using System.Collections.Concurrent;
using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>
/// Per-host politeness: a concurrency slot and a minimum spacing between request starts. Latency adjusts the spacing
/// the AutoThrottle way (towards latency / concurrency), but an error response may only raise it, and Retry-After
/// blocks the host until the given time. The configured delay is a floor. A host is what robots.txt applies to
/// (RFC 9309 §2.3: scheme, host and port): <see cref="KeyOf"/>, so two servers on one address, such as the demo sites on
/// 127.0.0.1, do not wait for each other.
/// </summary>
public sealed class HostThrottle(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The politeness key of a URL: its host, with the port when it is not the scheme's default.</summary>
    public static string KeyOf(Uri url) => url.IsDefaultPort ? url.IdnHost : $"{url.IdnHost}:{url.Port}";

    /// <summary>Waits for a slot and for the host's next allowed start; dispose the result to release the slot.</summary>
    public async Task<IDisposable> WaitTurnAsync(string host, PolitenessRule politeness, CancellationToken ct)
    {
        var state = _hosts.GetOrAdd(host, _ => new HostState(politeness.ConcurrencyPerHost, politeness.DelayMs));
        await state.Slots.WaitAsync(ct);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (state)
                {
                    var now = time.GetUtcNow();
                    wait = state.NextStart - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        state.NextStart = now + TimeSpan.FromMilliseconds(Math.Max(state.DelayMs, Math.Max(state.FloorMs, politeness.DelayMs)));
                        return new Slot(state);
                    }
                }
                await Task.Delay(wait, time, ct);
            }
        }
        catch
        {
            state.Slots.Release();
            throw;
        }
    }

    /// <summary>Feeds the latency of a finished request back into the host's delay.</summary>
    public void Observe(string host, PolitenessRule politeness, TimeSpan latency, bool ok)
    {
        if (politeness.DelayMs == 0 || !_hosts.TryGetValue(host, out var state))
        {
            return; // politeness off: no adaptive delay either
        }
        lock (state)
        {
            var target = latency.TotalMilliseconds / Math.Max(1, politeness.ConcurrencyPerHost);
            var next = Math.Max(target, (state.DelayMs + target) / 2);
            if (!ok && next < state.DelayMs)
            {
                return; // an error's latency never speeds us up
            }
            state.DelayMs = Math.Clamp(next, Math.Max(state.FloorMs, politeness.DelayMs), 60_000);
        }
    }

    /// <summary>Retry-After: nothing starts on this host before <paramref name="until"/>.</summary>
    public void BlockUntil(string host, PolitenessRule politeness, DateTimeOffset until)
    {
        var state = _hosts.GetOrAdd(host, _ => new HostState(politeness.ConcurrencyPerHost, politeness.DelayMs));
        lock (state)
        {
            if (until > state.NextStart)
            {
                state.NextStart = until;
            }
        }
    }

    /// <summary>
    /// robots.txt Crawl-delay: raises the host's floor above the configured delay. Ignored when politeness is off
    /// (<c>delayMs: 0</c>, benchmarks and tests against our own demo sites).
    /// </summary>
    public void RaiseFloor(string host, PolitenessRule politeness, TimeSpan floor)
    {
        if (politeness.DelayMs == 0)
        {
            return;
        }
        var state = _hosts.GetOrAdd(host, _ => new HostState(politeness.ConcurrencyPerHost, politeness.DelayMs));
        lock (state)
        {
            state.FloorMs = Math.Max(state.FloorMs, floor.TotalMilliseconds);
            state.DelayMs = Math.Max(state.DelayMs, state.FloorMs);
        }
    }

    /// <summary>The current spacing for a host in milliseconds (what the throttle tests observe).</summary>
    internal double CurrentDelayMs(string host) => _hosts.TryGetValue(host, out var s) ? s.DelayMs : 0;

    private sealed class HostState(int concurrency, double delayMs)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);
        public double DelayMs { get; set; } = delayMs;
        public double FloorMs { get; set; }
        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Slot(HostState state) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                state.Slots.Release();
            }
        }
    }
}
