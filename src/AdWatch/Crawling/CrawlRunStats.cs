namespace AdWatch.Crawling;

/// <summary>Counters of one run, stored as <c>crawl_runs.stats_json</c>. Computed from request rows, so exact after a resume.</summary>
public sealed record CrawlRunStats
{
    public long Requests { get; init; }
    public Dictionary<string, long> RequestsByStatus { get; init; } = [];
    public long Retries { get; init; }
    public long Bytes { get; init; }
    public long ListingPages { get; init; }
    public long AdsNew { get; init; }
    public long AdsChanged { get; init; }
    public long AdsUnchanged { get; init; }

    /// <summary>Seen from an unchanged listing card, page not fetched (the revisit rule, <c>listing.reverifyDays</c>).</summary>
    public long AdsSighted { get; init; }

    /// <summary>Ended explicitly in this run (404/410/expired page).</summary>
    public long AdsGoneExplicit { get; init; }

    /// <summary>Ended by the lifecycle diff (missing for N healthy runs).</summary>
    public long AdsGoneMissing { get; init; }
    public Dictionary<string, long> ErrorsByKind { get; init; } = [];

    /// <summary>Every ad the run saw: fetched (new, changed, unchanged) or sighted on the listing.</summary>
    public long AdsSeen => AdsNew + AdsChanged + AdsUnchanged + AdsSighted;

    /// <summary>
    /// Stats from the request rows. A sighted ad has a row (so a resume never counts it twice) but sent no request, so it
    /// is left out of the request counts.
    /// </summary>
    public static CrawlRunStats From(IReadOnlyList<RequestTally> allTallies)
    {
        var tallies = allTallies.Where(t => t.Outcome != "sighted").ToList();
        return new CrawlRunStats
        {
            Requests = tallies.Sum(t => t.Count),
            RequestsByStatus = tallies.GroupBy(t => t.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? t.Status)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Count)),
            Retries = tallies.Sum(t => t.Retries),
            Bytes = tallies.Sum(t => t.Bytes),
            ListingPages = tallies.Where(t => t.Kind == "listing" && t.Status == "done").Sum(t => t.Count),
            AdsNew = Outcome(tallies, "new"),
            AdsChanged = Outcome(tallies, "changed"),
            AdsUnchanged = Outcome(tallies, "unchanged"),
            AdsSighted = Outcome(allTallies, "sighted"),
            AdsGoneExplicit = Outcome(tallies, "gone"),
            ErrorsByKind = tallies.Where(t => t.ErrorKind is not null).GroupBy(t => t.ErrorKind!).ToDictionary(g => g.Key, g => g.Sum(t => t.Count)),
        };
    }

    private static long Outcome(IReadOnlyList<RequestTally> tallies, string outcome) =>
        tallies.Where(t => t.Kind == "ad" && t.Outcome == outcome).Sum(t => t.Count);
}
