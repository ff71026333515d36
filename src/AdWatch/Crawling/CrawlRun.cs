namespace AdWatch.Crawling;

/// <summary>A row of <c>crawl_runs</c>.</summary>
public sealed class CrawlRun
{
    public long Id { get; init; }
    public long SiteId { get; init; }
    public string Trigger { get; init; } = "";
    public string Status { get; init; } = "";
    public DateTimeOffset ObservedAt { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseExpiresAt { get; init; }
    public string? StatsJson { get; init; }
    public string? HealthNote { get; init; }
}
