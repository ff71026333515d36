using System.ComponentModel.DataAnnotations;

namespace AdWatch.Crawling;

/// <summary>Crawler settings. Section <c>Crawling</c> in adwatch.json.</summary>
public sealed class CrawlingOptions
{
    public const string Section = "Crawling";

    /// <summary>Folder with the site YAML files; relative paths resolve against the working directory, then the app folder.</summary>
    [Required]
    public string CrawlersPath { get; set; } = "crawlers";

    /// <summary>
    /// Base URL per site name, replacing the YAML <c>baseUrl</c> (demo and test sites on dynamic ports), e.g.
    /// <c>"BaseUrlOverrides": { "demo-html": "http://127.0.0.1:5123/" }</c>.
    /// </summary>
    public Dictionary<string, string> BaseUrlOverrides { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Chromium executable. Empty: <c>/usr/lib/chromium/chromium</c> when present, else Playwright's own install.</summary>
    public string? BrowserExecutablePath { get; set; }

    /// <summary>The browser is closed and started again after this many pages (Chromium grows over time).</summary>
    [Range(1, 100_000)]
    public int BrowserRecycleAfterPages { get; set; } = 100;

    /// <summary>How long a run or request lease lasts without renewal; a crashed worker's run resumes after this.</summary>
    [Range(1, 86_400)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Requests leased per batch.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Retries on network errors, 408 and 5xx (429/503 with Retry-After are backpressure and do not count).</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    /// <summary>First retry delay in milliseconds; doubles per retry, with jitter.</summary>
    [Range(1, 600_000)]
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>How many 429/503 backpressure waits one request may sit through before it fails.</summary>
    [Range(0, 100)]
    public int MaxBackpressureWaits { get; set; } = 8;

    /// <summary>Retry-After values are capped at this many seconds, so a hostile header cannot park the crawler for days.</summary>
    [Range(1, 86_400)]
    public int MaxRetryAfterSeconds { get; set; } = 900;

    /// <summary>Delay applied on 429 without Retry-After, in milliseconds.</summary>
    [Range(1, 3_600_000)]
    public int DefaultBackpressureMs { get; set; } = 5000;

    /// <summary>Default User-Agent; a site may set its own.</summary>
    [Required]
    public string UserAgent { get; set; } = "AdWatch/1.0 (+municipal ad monitoring; contact via the operating municipality)";
}
