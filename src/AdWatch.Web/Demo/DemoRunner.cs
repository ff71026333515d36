using AdWatch.Analysis;
using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Sites;
using AdWatch.Web.Cli;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Demo;

/// <summary>
/// Replays the synthetic Harderwijk 2023 (<see cref="Harderwijk2023Scenario"/>) through the real pipeline: the demo sites
/// serve each simulated day, the crawler crawls them (the two JavaScript sites, Nachtlicht and Lantaarn, in Chromium when it
/// is installed), extraction runs on what changed, and the year is analysed as of its last second.
/// </summary>
internal sealed class DemoRunner(
    SiteCatalog catalog,
    CrawlRunner crawler,
    ExtractionPass extraction,
    AnalysisRunner analysis,
    ChromiumPool chromium,
    TimeProvider time)
{
    public const string HttpSite = "kontaktbord";
    public const string BrowserSite = "nachtlicht";

    /// <summary>The beta site with consent modals, "Meer laden" and phones behind "Toon nummer": browser only, like <see cref="BrowserSite"/>.</summary>
    public const string RevealSite = "lantaarn";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The end of the replayed year, the moment the demo's analysis is made as of.</summary>
    public static readonly DateTimeOffset AsOf = new(2023, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>Runs the replay; <paramref name="host"/> must already serve the scenario.</summary>
    public async Task<AnalysisRun> RunAsync(DemoSiteHost host, CancellationToken ct)
    {
        Prepare(HttpSite, host.Kontaktbord.BaseUrl);
        var browser = BrowserAvailable();
        if (browser is null)
        {
            Prepare(BrowserSite, host.Nachtlicht.BaseUrl);
            Prepare(RevealSite, host.Lantaarn.BaseUrl);
        }
        else
        {
            Console.Error.WriteLine($"demo: {browser} Skipping the browser sites '{BrowserSite}' and '{RevealSite}'; the figures below come from " +
                                    $"'{HttpSite}' alone. Install Chromium (Debian: sudo apt-get install chromium) to crawl all three.");
        }

        var scenario = host.Scenario;
        var progress = new TerminalProgress("demo", time);
        for (var day = scenario.StartDate; day <= scenario.EndDate; day = day.AddDays(1))
        {
            host.SimulatedDate = day;
            var observedAt = ObservationTime(day);
            // The three sites are different hosts and each browser site has its own session: a day's runs go side by side,
            // as the job server's workers would run them.
            async Task<CrawlRunResult?> CrawlAsync(string site, bool crawl) => crawl ? await crawler.RunAsync(site, observedAt, "demo", ct) : null;
            var runs = await Task.WhenAll(CrawlAsync(HttpSite, true), CrawlAsync(BrowserSite, browser is null), CrawlAsync(RevealSite, browser is null));
            var (http, js, reveal) = (runs[0]!, runs[1], runs[2]);
            var extracted = await extraction.RunAsync(ct);
            var browserRuns = js is null || reveal is null ? "" : $"; {Describe(js)}; {Describe(reveal)}";
            progress.Report($"{day:yyyy-MM-dd}: {Describe(http)}{browserRuns}; {extracted} versions extracted");
            if (day.Day == 1 && day > scenario.StartDate)
            {
                // As the job after each crawl would, once a simulated month: the replay also proves that a year of runs, each
                // writing only what changed, ends where one more run on the same data does (DemoTests compares them).
                await analysis.RunAsync(observedAt.AddHours(1), licensedVenuesFile: null, ct);
            }
        }
        progress.Complete($"crawled {scenario.Days} simulated days of {scenario.Name}");
        return await analysis.RunAsync(AsOf, licensedVenuesFile: null, ct);
    }

    /// <summary>Null when Chromium can be used; else the one-line reason it cannot.</summary>
    public string? BrowserAvailable() => chromium.Unavailable();


    /// <summary>A demo site on its dynamic port, without politeness delays (it is our own loopback server).</summary>
    private void Prepare(string name, Uri baseUrl)
    {
        var site = (catalog.Find(name) ?? throw new UserError($"the demo needs crawlers/{name}.yaml, which is missing.")).WithBaseUrl(baseUrl.ToString());
        site.Politeness.DelayMs = 0;
        catalog.Put(site);
    }

    /// <summary>Each simulated day is crawled at 09:00 in Amsterdam.</summary>
    private static DateTimeOffset ObservationTime(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0));
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Describe(CrawlRunResult run) => run.Stats is { } s
        ? $"{run.Site} {run.Status} {s.AdsNew} new/{s.AdsChanged} changed/{s.AdsGoneExplicit + s.AdsGoneMissing} gone"
        : $"{run.Site} {run.Status}";
}
