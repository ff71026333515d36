namespace AdWatch.Crawling;

/// <summary>How a <see cref="CrawlRunner.RunAsync(string, DateTimeOffset?, string, CancellationToken, IProgress{CrawlProgress}?)"/> call ended.</summary>
public sealed record CrawlRunResult(
    long RunId,
    string Site,
    string Status,
    bool Resumed,
    DateTimeOffset ObservedAt,
    CrawlRunStats? Stats,
    string? HealthNote,
    CrawlFailure? Failure = null)
{
    /// <summary>
    /// <c>completed</c> | <c>suspect</c> | <c>failed</c> (no start URL could be fetched: <see cref="Failure"/> says why) |
    /// <c>already-running</c> (another live worker holds the run lease).
    /// </summary>
    public bool IsSuspect => Status == "suspect";
}
