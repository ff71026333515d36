using System.Collections.Concurrent;
using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>
/// Fetches and caches robots.txt per origin for one run, through the same fetcher (same politeness and limits). A robots.txt
/// that cannot be fetched (no answer, or a 5xx) disallows the origin, as RFC 9309 says, but the request is then failed with
/// the real cause (connection refused, DNS, HTTP 500 …), not counted as a robots skip: the site is down, not forbidding us.
/// </summary>
public sealed class RobotsGate(IPageFetcher fetcher, string productToken, HostThrottle? throttle = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsTxt Rules, FetchError? Unreachable)>>> _byOrigin =
        new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsAllowedAsync(Uri url, SiteDefinition site, CancellationToken ct) => (await CheckAsync(url, site, ct)).Allowed;

    /// <summary>Whether the URL may be fetched; when not because robots.txt could not be fetched, why.</summary>
    public async Task<RobotsVerdict> CheckAsync(Uri url, SiteDefinition site, CancellationToken ct)
    {
        if (!site.Robots.Obey || url.AbsolutePath == "/robots.txt")
        {
            return RobotsVerdict.Allow;
        }
        var origin = url.GetLeftPart(UriPartial.Authority);
        var (robots, unreachable) = await _byOrigin.GetOrAdd(origin,
            o => new Lazy<Task<(RobotsTxt, FetchError?)>>(() => LoadAsync(new Uri(o + "/robots.txt"), site, ct))).Value;
        if (unreachable is not null)
        {
            return new RobotsVerdict(false, unreachable);
        }
        if (robots.CrawlDelay is { } delay)
        {
            throttle?.RaiseFloor(HostThrottle.KeyOf(url), site.Politeness, delay);
        }
        return robots.IsAllowed(url) ? RobotsVerdict.Allow : RobotsVerdict.Disallow;
    }

    private async Task<(RobotsTxt, FetchError?)> LoadAsync(Uri url, SiteDefinition site, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(url, site), ct);
        return result.StatusCode switch
        {
            >= 200 and < 300 when result.Error is null => (RobotsTxt.Parse(result.Body, productToken), null),
            >= 400 and < 500 => (RobotsTxt.AllowAll, null),
            _ => (RobotsTxt.DisallowAll, result.Error is { } e && result.StatusCode is null
                ? e
                : new FetchError(result.Error?.Kind ?? $"http-{result.StatusCode}",
                    $"{url} answered HTTP {result.StatusCode}; nothing on the site is fetched until robots.txt can be read")),
        };
    }
}

/// <summary>The robots.txt decision for one URL; <see cref="Unreachable"/> is set when robots.txt itself could not be fetched.</summary>
public sealed record RobotsVerdict(bool Allowed, FetchError? Unreachable = null)
{
    public static RobotsVerdict Allow { get; } = new(true);
    public static RobotsVerdict Disallow { get; } = new(false);
}
