using System.Collections.Concurrent;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Hosting;

/// <summary>One running demo site: its base URL, its switchable fault modes and its request log.</summary>
public sealed class DemoSite
{
    private readonly ConcurrentDictionary<string, int> _faultCounters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _sessions = new(StringComparer.Ordinal);
    private DemoFaults _faults = DemoFaults.None;
    private Uri? _baseUrl;

    internal DemoSite(DemoSiteKind kind) => Kind = kind;

    /// <summary>Which site this is.</summary>
    public DemoSiteKind Kind { get; }

    /// <summary>Base URL with trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The site has not started.");

    /// <summary>Requests received so far.</summary>
    public DemoRequestLog Requests { get; } = new();

    /// <summary>
    /// Current fault modes; thread-safe. Assigning a value takes effect for the next request and resets the per-URL
    /// counters of <see cref="DemoServerError.FirstRequests"/> and <see cref="DemoThrottle.FirstRequests"/>.
    /// </summary>
    public DemoFaults Faults
    {
        get => Volatile.Read(ref _faults);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            Volatile.Write(ref _faults, value);
            _faultCounters.Clear();
        }
    }

    /// <summary>Absolute URL of <paramref name="relative"/> (e.g. "advertenties?pagina=2") on this site.</summary>
    public Uri Url(string relative) => new(BaseUrl, relative.TrimStart('/'));

    internal void SetBaseUrl(Uri baseUrl) => _baseUrl = baseUrl;

    /// <summary>A new session id for <see cref="DemoTermsGate.SessionCookie"/>.</summary>
    internal string NewSession()
    {
        var id = Guid.NewGuid().ToString("N");
        _sessions[id] = true;
        return id;
    }

    internal bool KnowsSession(string? id) => id is not null && _sessions.ContainsKey(id);

    /// <summary>Counts a request against a "first N per URL" fault; true while the fault should still fire.</summary>
    internal bool ConsumeFault(string counterKey, int? firstRequests)
    {
        if (firstRequests is null) return true;
        var seen = _faultCounters.AddOrUpdate(counterKey, 1, (_, count) => count + 1);
        return seen <= firstRequests.Value;
    }
}
