namespace AdWatch.Crawling;

/// <summary>Per-request settings carried in <see cref="HttpRequestMessage.Options"/> through the shared handler chain.</summary>
internal static class CrawlHttp
{
    public const string ClientName = "AdWatch.Crawl";

    public static readonly HttpRequestOptionsKey<bool> AllowPrivate = new("adwatch.allowPrivate");
    public static readonly HttpRequestOptionsKey<TimeSpan> Timeout = new("adwatch.timeout");
    public static readonly HttpRequestOptionsKey<long> MaxBytes = new("adwatch.maxBytes");
    public static readonly HttpRequestOptionsKey<RetryCounter> Retries = new("adwatch.retries");

    /// <summary>Counts the retries the resilience pipeline made for one request.</summary>
    internal sealed class RetryCounter
    {
        private int _count;

        public int Count => _count;

        public void Increment() => Interlocked.Increment(ref _count);
    }
}
