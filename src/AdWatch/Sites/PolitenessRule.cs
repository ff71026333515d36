namespace AdWatch.Sites;

/// <summary>How gently the site is crawled. Error latency and Retry-After can only raise the delay, never lower it.</summary>
public sealed class PolitenessRule
{
    /// <summary>Minimum delay between two requests to one host, in milliseconds.</summary>
    public int DelayMs { get; set; } = 1000;

    /// <summary>Parallel requests per host.</summary>
    public int ConcurrencyPerHost { get; set; } = 1;
}
