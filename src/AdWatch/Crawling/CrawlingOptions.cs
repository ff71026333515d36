using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Crawling;

/// <summary>Crawler settings. Section <c>Crawling</c> in adwatch.json (Chromium is under <c>Browser</c>).</summary>
public sealed class CrawlingOptions : IValidatableObject
{
    public const string Section = "Crawling";

    /// <summary>How long a run or request lease lasts without renewal; a crashed worker's run resumes after this.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Requests leased per batch.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Retries on network errors, 408 and 5xx (429/503 with Retry-After are backpressure and do not count).</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>First retry delay in milliseconds; doubles per retry, with jitter.</summary>
    public int RetryBaseDelayMs { get; set; } = 1000;

    /// <summary>How many 429/503 backpressure waits one request may sit through before it fails.</summary>
    public int MaxBackpressureWaits { get; set; } = 8;

    /// <summary>Retry-After values are capped at this many seconds, so a hostile header cannot park the crawler for days.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 900;

    /// <summary>Delay applied on 429 without Retry-After, in milliseconds.</summary>
    public int DefaultBackpressureMs { get; set; } = 5000;

    /// <summary>
    /// A current desktop Chrome's User-Agent, the default one: an ad site is not told it is being watched (issue 16).
    /// A site whose definition sets <c>fetch.userAgent</c> (e.g. one that agreed to be monitored) gets that instead.
    /// </summary>
    public const string BrowserUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36";

    /// <summary>Default User-Agent; a site may set its own with <c>fetch.userAgent</c>.</summary>
    public string UserAgent { get; set; } = BrowserUserAgent;

    /// <summary>The product token robots.txt groups are matched against (RFC 9309 §2.2.1), whatever User-Agent is sent.</summary>
    public string RobotsProductToken { get; set; } = "AdWatch";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => new[]
    {
        ValidatedOptions.Between("Crawling:LeaseSeconds", LeaseSeconds, 1, 86_400),
        ValidatedOptions.Between("Crawling:BatchSize", BatchSize, 1, 1000),
        ValidatedOptions.Between("Crawling:RetryCount", RetryCount, 0, 10),
        ValidatedOptions.Between("Crawling:RetryBaseDelayMs", RetryBaseDelayMs, 1, 600_000),
        ValidatedOptions.Between("Crawling:MaxBackpressureWaits", MaxBackpressureWaits, 0, 100),
        ValidatedOptions.Between("Crawling:MaxRetryAfterSeconds", MaxRetryAfterSeconds, 1, 86_400),
        ValidatedOptions.Between("Crawling:DefaultBackpressureMs", DefaultBackpressureMs, 1, 3_600_000),
        ValidatedOptions.Required("Crawling:UserAgent", UserAgent, "remove the key to use the default."),
        ValidatedOptions.Required("Crawling:RobotsProductToken", RobotsProductToken, "remove the key to use the default."),
    }.OfType<ValidationResult>();
}

/// <summary>Checks <see cref="CrawlingOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class CrawlingOptionsValidator : IValidateOptions<CrawlingOptions>;
