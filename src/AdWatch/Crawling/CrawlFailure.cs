namespace AdWatch.Crawling;

/// <summary>
/// Why a run failed: none of its start (listing) URLs could be fetched. <see cref="Message"/> is the cause as the fetcher
/// named it (<c>connection refused by 127.0.0.1:5081</c>); <see cref="Kind"/> is its error kind (see <see cref="FetchError"/>).
/// </summary>
public sealed record CrawlFailure(string Url, string Kind, string Message)
{
    /// <summary>One line for the run's note, the log and the CLI: <c>cannot fetch URL (cause)</c>.</summary>
    public string Describe() => $"cannot fetch {Url} ({Message})";
}
