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

    /// <summary>The beta site with consent modals, "Meer laden" and phones behind "Toon nummer", read in the browser.</summary>
    public const string RevealSite = "lantaarn";

    /// <summary>
    /// Lantaarn without a browser: its JSON listing and classic server-rendered pages over HTTP, everything but the numbers
    /// behind "Toon nummer" (crawlers/lantaarn-json.yaml). Its ads carry stays at two houses that no other site shows.
    /// </summary>
    public const string RevealSiteOverHttp = "lantaarn-json";
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The end of the replayed year, the moment the demo's analysis is made as of.</summary>
    public static readonly DateTimeOffset AsOf = new(2023, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>Runs the replay; <paramref name="host"/> must already serve the scenario.</summary>
    public async Task<AnalysisRun> RunAsync(DemoSiteHost host, CancellationToken ct)
    {
        Prepare(HttpSite, host.Kontaktbord.BaseUrl);
        var browser = BrowserAvailable();
        var lantaarn = browser is null ? RevealSite : RevealSiteOverHttp;
        Prepare(lantaarn, host.Lantaarn.BaseUrl);
        if (browser is null)
        {
            Prepare(BrowserSite, host.Nachtlicht.BaseUrl);
        }
        else
        {
            Console.Error.WriteLine($"demo: {browser} Skipping the browser sites '{BrowserSite}' and '{RevealSite}': the figures below come from " +
                                    $"the server-rendered '{HttpSite}' and Lantaarn's JSON listing and classic pages ('{RevealSiteOverHttp}', " +
                                    "without the numbers behind \"Toon nummer\"). Install Chromium (Debian: sudo apt-get install chromium) to crawl all three in full.");
        }

        var scenario = host.Scenario;
        using var progress = new TerminalProgress("demo", time);
        var daysDone = 0;
        // Wall time per phase, printed at the end: the browser half is what the demo's 3-minute budget is about.
        var spent = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        void Spent(string phase, long since) => spent[phase] = spent.GetValueOrDefault(phase) + time.GetElapsedTime(since);
        var started = time.GetTimestamp();
        for (var day = scenario.StartDate; day <= scenario.EndDate; day = day.AddDays(1))
        {
            host.SimulatedDate = day;
            var observedAt = ObservationTime(day);
            // The three sites are different hosts and each browser site has its own session: a day's runs go side by side,
            // as the job server's workers would run them.
            async Task<CrawlRunResult?> CrawlAsync(string site, bool crawl)
            {
                if (!crawl)
                {
                    return null;
                }
                var since = time.GetTimestamp();
                var run = await crawler.RunAsync(site, observedAt, "demo", ct);
                lock (spent)
                {
                    Spent(site, since);
                }
                return run;
            }
            var crawling = time.GetTimestamp();
            var runs = await Task.WhenAll(CrawlAsync(HttpSite, true), CrawlAsync(BrowserSite, browser is null), CrawlAsync(lantaarn, true));
            Spent("crawling", crawling);
            var (http, js, reveal) = (runs[0]!, runs[1], runs[2]);
            var extracting = time.GetTimestamp();
            var extracted = await extraction.RunAsync(ct);
            Spent("extraction", extracting);
            var browserRun = js is null ? "" : $"; {Describe(js)}";
            progress.Report($"{day:yyyy-MM-dd}: {Describe(http)}{browserRun}; {Describe(reveal!)}; {extracted} versions extracted",
                (double)++daysDone / scenario.Days);
            if (day.Day == 1 && day > scenario.StartDate)
            {
                // As the job after each crawl would, once a simulated month: the replay also proves that a year of runs, each
                // writing only what changed, ends where one more run on the same data does (DemoTests compares them).
                var analysing = time.GetTimestamp();
                await analysis.RunAsync(observedAt.AddHours(1), licensedVenuesFile: null, ct);
                Spent("analysis", analysing);
            }
        }
        var final = time.GetTimestamp();
        var result = await analysis.RunAsync(AsOf, licensedVenuesFile: null, ct);
        Spent("analysis", final);
        progress.Complete($"crawled {scenario.Days} simulated days of {scenario.Name} in {Seconds(time.GetElapsedTime(started))}: " +
                          $"crawling {Seconds(spent["crawling"])} (side by side: " +
                          string.Join(", ", new[] { HttpSite, BrowserSite, lantaarn }.Where(spent.ContainsKey).Select(s => $"{s} {Seconds(spent[s])}")) +
                          $"), extraction {Seconds(spent["extraction"])}, analysis {Seconds(spent["analysis"])}");
        return result;
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s";

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
