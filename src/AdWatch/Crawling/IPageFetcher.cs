namespace AdWatch.Crawling;

/// <summary>Fetches one page for a site. The seam between the crawl loop and the network (HTTP or browser).</summary>
public interface IPageFetcher
{
    /// <summary>Never throws for network or HTTP trouble: failures come back as <see cref="FetchResult.Error"/>.</summary>
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct);
}
