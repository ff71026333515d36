using System.Collections.Concurrent;
using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>Fetches and caches robots.txt per origin for one run, through the same fetcher (same politeness and limits).</summary>
public sealed class RobotsGate(IPageFetcher fetcher, string productToken, HostThrottle? throttle = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsAllowedAsync(Uri url, SiteDefinition site, CancellationToken ct)
    {
        if (!site.Robots.Obey || url.AbsolutePath == "/robots.txt")
        {
            return true;
        }
        var origin = url.GetLeftPart(UriPartial.Authority);
        var robots = await _byOrigin.GetOrAdd(origin, o => new Lazy<Task<RobotsTxt>>(() => LoadAsync(new Uri(o + "/robots.txt"), site, ct))).Value;
        if (robots.CrawlDelay is { } delay)
        {
            throttle?.RaiseFloor(HostThrottle.KeyOf(url), site.Politeness, delay);
        }
        return robots.IsAllowed(url);
    }

    private async Task<RobotsTxt> LoadAsync(Uri url, SiteDefinition site, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(url, site), ct);
        return result.StatusCode switch
        {
            >= 200 and < 300 when result.Error is null => RobotsTxt.Parse(result.Body, productToken),
            >= 400 and < 500 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
    }
}
