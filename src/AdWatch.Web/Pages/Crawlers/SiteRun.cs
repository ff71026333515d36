using AdWatch.Crawling;

namespace AdWatch.Web.Pages.Crawlers;

/// <summary>A crawl run as shown on the health page: status, times, counters and the health gate's note (if it warned).</summary>
public sealed record SiteRun(
    long RunId,
    string Trigger,
    string Status,
    DateTimeOffset ObservedAt,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    CrawlRunStats? Stats,
    string? HealthNote);
