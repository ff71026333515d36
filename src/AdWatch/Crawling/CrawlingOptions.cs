using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Crawling;

/// <summary>Crawler settings. Section <c>Crawling</c> in adwatch.json.</summary>
public sealed class CrawlingOptions
{
    public const string Section = "Crawling";

    /// <summary>Chromium executable. Empty: <c>/usr/lib/chromium/chromium</c> when present, else Playwright's own install.</summary>
    public string? BrowserExecutablePath { get; set; }

    /// <summary>The browser is closed and started again after this many pages (Chromium grows over time).</summary>
    [Range(1, 100_000, ErrorMessage = "Crawling:BrowserRecycleAfterPages must be between {1} and {2}.")]
    public int BrowserRecycleAfterPages { get; set; } = 100;

    /// <summary>How long a run or request lease lasts without renewal; a crashed worker's run resumes after this.</summary>
    [Range(1, 86_400, ErrorMessage = "Crawling:LeaseSeconds must be between {1} and {2}.")]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Requests leased per batch.</summary>
    [Range(1, 1000, ErrorMessage = "Crawling:BatchSize must be between {1} and {2}.")]
    public int BatchSize { get; set; } = 16;

    /// <summary>Retries on network errors, 408 and 5xx (429/503 with Retry-After are backpressure and do not count).</summary>
    [Range(0, 10, ErrorMessage = "Crawling:RetryCount must be between {1} and {2}.")]
    public int RetryCount { get; set; } = 3;

    /// <summary>First retry delay in milliseconds; doubles per retry, with jitter.</summary>
    [Range(1, 600_000, ErrorMessage = "Crawling:RetryBaseDelayMs must be between {1} and {2}.")]
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>How many 429/503 backpressure waits one request may sit through before it fails.</summary>
    [Range(0, 100, ErrorMessage = "Crawling:MaxBackpressureWaits must be between {1} and {2}.")]
    public int MaxBackpressureWaits { get; set; } = 8;

    /// <summary>Retry-After values are capped at this many seconds, so a hostile header cannot park the crawler for days.</summary>
    [Range(1, 86_400, ErrorMessage = "Crawling:MaxRetryAfterSeconds must be between {1} and {2}.")]
    public int MaxRetryAfterSeconds { get; set; } = 900;

    /// <summary>Delay applied on 429 without Retry-After, in milliseconds.</summary>
    [Range(1, 3_600_000, ErrorMessage = "Crawling:DefaultBackpressureMs must be between {1} and {2}.")]
    public int DefaultBackpressureMs { get; set; } = 5000;

    /// <summary>Default User-Agent; a site may set its own.</summary>
    [Required(ErrorMessage = "Crawling:UserAgent must not be empty.")]
    public string UserAgent { get; set; } = "AdWatch/1.0 (+municipal ad monitoring; contact via the operating municipality)";
}

/// <summary>Checks <see cref="CrawlingOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class CrawlingOptionsValidator : IValidateOptions<CrawlingOptions>;
