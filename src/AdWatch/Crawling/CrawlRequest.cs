namespace AdWatch.Crawling;

/// <summary>A row of <c>crawl_requests</c>: one URL to fetch in one run.</summary>
public sealed class CrawlRequest
{
    public long Id { get; init; }
    public long RunId { get; init; }
    public string Url { get; init; } = "";

    /// <summary><c>listing</c> or <c>ad</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>1-based listing page number; null for ads.</summary>
    public long? PageNumber { get; init; }

    /// <summary>The ad's card hash on the listing that enqueued it (stored on the ad once its page is fetched); null for listings.</summary>
    public string? CardHash { get; init; }

    public string Status { get; init; } = "";
    public long Attempts { get; init; }
}
