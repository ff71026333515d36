namespace AdWatch.Crawling;

/// <summary>
/// A scheduled crawl whose run failed (no start URL could be fetched). Thrown by the job, not the runner, so Hangfire marks
/// the job failed and retries it later, as it would any outage; the failed run itself is already recorded.
/// </summary>
public sealed class CrawlFailedException(string site, long runId, CrawlFailure failure)
    : Exception($"Crawl run {runId} of {site} failed: {failure.Describe()}.")
{
    public CrawlFailure Failure { get; } = failure;
}
