using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>
/// Decides whether a finished run may drive the lifecycle diff. A run is suspect (and removes nothing) when it hit the
/// blocked detector, saw far fewer ads than the rolling median of healthy runs, found no ads at all without the
/// empty-listing detector saying so, or its configured fields went mostly empty (a layout change). Ads seen from an
/// unchanged listing card count as seen (a quiet revisit that fetches few ad pages is healthy); the field coverage is
/// judged on the pages the run fetched only.
/// </summary>
public static class HealthGate
{
    public static string? Check(SiteDefinition site, CrawlRunStats stats, IReadOnlyList<long> recentHealthyCounts, IReadOnlyList<AdFields> seen, bool declaredEmpty)
    {
        var notes = new List<string>();
        if (stats.ErrorsByKind.TryGetValue("blocked", out var blocked) && blocked > 0)
        {
            notes.Add($"blocked/CAPTCHA detector matched on {blocked} page(s)");
        }
        var count = stats.AdsSeen + stats.AdsGoneExplicit;
        var median = Median(recentHealthyCounts);
        // A site with a handful of ads (the small JavaScript demo site: median 1) really does show 0 some days: a share of
        // its median is no evidence there. Below SmallMedian only a run of empty crawls is (see below).
        var small = recentHealthyCounts.Count >= SmallSiteHistory && median < SmallMedian;
        if (!small && median > 0 && count < site.Health.MinShareOfMedian * median)
        {
            notes.Add($"{count} ads, below {site.Health.MinShareOfMedian:P0} of the rolling median {median:0.#}");
        }
        if (count == 0 && !declaredEmpty)
        {
            if (!small)
            {
                notes.Add("no ads found and the empty-listing detector did not match");
            }
            else if (recentHealthyCounts.Take(EmptyRunsInARow - 1).All(c => c == 0))
            {
                notes.Add($"no ads found in {EmptyRunsInARow} runs in a row and the empty-listing detector did not match");
            }
        }
        var fields = site.Ad.Fields.Configured().Select(f => f.Field).ToList();
        if (fields.Count > 0 && seen.Count > 0)
        {
            var coverage = fields.Average(field => seen.Count(s => s.Has(field)) / (double)seen.Count);
            if (coverage < site.Health.MinFieldCoverage)
            {
                notes.Add($"field coverage {coverage:P0} below {site.Health.MinFieldCoverage:P0} (layout change?)");
            }
        }
        var failed = stats.ErrorsByKind.Where(e => e.Key != "robots").Sum(e => e.Value);
        if (stats.Requests > 0 && failed > stats.Requests / 2)
        {
            notes.Add($"{failed} of {stats.Requests} requests failed");
        }
        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    /// <summary>A rolling median below this many ads is a small site: 0 ads in one run is plausible there.</summary>
    public const int SmallMedian = 3;

    /// <summary>Healthy runs needed before a site counts as small (a new site's first empty run stays suspect).</summary>
    public const int SmallSiteHistory = 3;

    /// <summary>Empty runs in a row (this one and the latest healthy ones) that make a small site's run suspect.</summary>
    public const int EmptyRunsInARow = 3;

    private static double Median(IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
