using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AdWatch.Observability;

/// <summary>
/// The one <see cref="Meter"/> and the one <see cref="ActivitySource"/>, both named <c>AdWatch</c>, that operators read
/// (docs/operations.md lists every instrument). The meter comes from the host's <see cref="IMeterFactory"/>, so each
/// service provider (each test's app) has its own instruments and a listener can tell them apart. Tags carry site names,
/// outcomes, kinds and municipality codes only: never an ad's URL, a phone, an address or a user.
/// </summary>
public sealed class AdWatchTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "AdWatch";

    /// <summary>Spans of crawl runs, extraction passes, analysis runs and exports. Static: an activity source has no scope.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _crawlRequests;
    private readonly Counter<long> _crawlRuns;
    private readonly Histogram<double> _crawlDuration;
    private readonly Counter<long> _ads;
    private readonly Histogram<double> _extractionDuration;
    private readonly Counter<long> _extractedVersions;
    private readonly Histogram<double> _analysisDuration;
    private readonly Counter<long> _exports;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertFailures;

    // The flagged locations per municipality of this process's last analysis run, read by the observable gauge.
    private volatile IReadOnlyDictionary<string, long> _flags = new Dictionary<string, long>();

    public AdWatchTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name);
        _crawlRequests = Meter.CreateCounter<long>("adwatch.crawl.requests", "{request}",
            "Crawl requests handled, by site, kind (listing, ad), outcome and, for failures, error kind.");
        _crawlRuns = Meter.CreateCounter<long>("adwatch.crawl.runs", "{run}", "Crawl runs finished, by site and status (completed, suspect, already-running).");
        _crawlDuration = Meter.CreateHistogram<double>("adwatch.crawl.run.duration", "s", "Wall time of a crawl run in this process, by site and status.");
        _ads = Meter.CreateCounter<long>("adwatch.crawl.ads", "{ad}", "Ads a finished crawl run found new, changed or gone, by site and change.");
        _extractionDuration = Meter.CreateHistogram<double>("adwatch.extraction.duration", "s", "Wall time of an extraction pass over the pending ad versions.");
        _extractedVersions = Meter.CreateCounter<long>("adwatch.extraction.versions", "{version}", "Ad versions extracted.");
        _analysisDuration = Meter.CreateHistogram<double>("adwatch.analysis.duration", "s", "Wall time of an analysis run.");
        Meter.CreateObservableGauge("adwatch.flags", ObserveFlags, "{location}",
            "Flagged locations per municipality code as of this process's last analysis run.");
        _exports = Meter.CreateCounter<long>("adwatch.exports", "{attempt}", "Export job attempts, by kind (zgw, zgw_status, webhook) and outcome (done, retry, failed).");
        _alertsSent = Meter.CreateCounter<long>("adwatch.alerts.sent", "{message}", "Alert messages delivered, by channel (webhook, email).");
        _alertFailures = Meter.CreateCounter<long>("adwatch.alerts.delivery_failures", "{message}",
            "Alert deliveries that failed and wait for the next delivery, by channel (webhook, email).");
    }

    /// <summary>The meter (tests listen to exactly this instance).</summary>
    public Meter Meter { get; }

    /// <summary>One handled crawl request. <paramref name="outcome"/> is the stored outcome, or <c>failed</c>/<c>skipped</c>.</summary>
    public void CrawlRequest(string site, string kind, string outcome, string? errorKind)
    {
        var tags = new TagList { { "site", site }, { "kind", kind }, { "outcome", outcome } };
        if (errorKind is not null)
        {
            tags.Add("error", errorKind);
        }
        _crawlRequests.Add(1, tags);
    }

    /// <summary>A finished (or refused) crawl run and what it found.</summary>
    public void CrawlRun(string site, string status, TimeSpan elapsed, long adsNew, long adsChanged, long adsGone)
    {
        _crawlRuns.Add(1, new TagList { { "site", site }, { "status", status } });
        _crawlDuration.Record(elapsed.TotalSeconds, new TagList { { "site", site }, { "status", status } });
        AddAds(site, "new", adsNew);
        AddAds(site, "changed", adsChanged);
        AddAds(site, "gone", adsGone);
    }

    /// <summary>An extraction pass that extracted <paramref name="versions"/> ad versions.</summary>
    public void ExtractionPass(TimeSpan elapsed, int versions)
    {
        _extractionDuration.Record(elapsed.TotalSeconds);
        _extractedVersions.Add(versions);
    }

    /// <summary>An analysis run and the municipality code of each flagged location it left (null: outside any known municipality).</summary>
    public void AnalysisRun(TimeSpan elapsed, IEnumerable<string?> flaggedMunicipalities)
    {
        _analysisDuration.Record(elapsed.TotalSeconds);
        _flags = flaggedMunicipalities.GroupBy(m => m ?? "unknown", StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
    }

    /// <summary>One attempt of an export job.</summary>
    public void Export(string kind, string outcome) => _exports.Add(1, new TagList { { "kind", kind }, { "outcome", outcome } });

    /// <summary>Alert messages sent on <paramref name="channel"/>.</summary>
    public void AlertsSent(string channel, int count)
    {
        if (count > 0)
        {
            _alertsSent.Add(count, new TagList { { "channel", channel } });
        }
    }

    /// <summary>Alert messages not delivered on <paramref name="channel"/> (they are sent again with the next delivery).</summary>
    public void AlertDeliveryFailed(string channel, int count = 1) => _alertFailures.Add(count, new TagList { { "channel", channel } });

    private void AddAds(string site, string change, long count)
    {
        if (count > 0)
        {
            _ads.Add(count, new TagList { { "site", site }, { "change", change } });
        }
    }

    private IEnumerable<Measurement<long>> ObserveFlags() =>
        _flags.Select(f => new Measurement<long>(f.Value, new KeyValuePair<string, object?>("municipality", f.Key)));
}
