namespace AdWatch.Web.Pages;

/// <summary>Everything the overview page shows, read in one go by <see cref="OverviewQuery"/>.</summary>
public sealed record OverviewModel
{
    /// <summary>The latest analysis' as-of moment (null before the first analysis); the trend ends here.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The region's municipalities (code, name), in configured order.</summary>
    public required IReadOnlyList<Municipality> Municipalities { get; init; }

    /// <summary>Flag counts per municipality code and status.</summary>
    public required IReadOnlyList<FlagCount> FlagCounts { get; init; }

    /// <summary>Flags first raised after the user's previous visit (all flags on a first visit), newest first.</summary>
    public required IReadOnlyList<NewFlag> NewFlags { get; init; }

    /// <summary>Total of <see cref="NewFlags"/> before the display limit.</summary>
    public int NewFlagTotal { get; init; }

    /// <summary>Ads observed per week per municipality over the weeks before <see cref="AsOf"/>.</summary>
    public required ActivityTrend Trend { get; init; }

    /// <summary>The last crawl run of every site.</summary>
    public required IReadOnlyList<CrawlerHealth> Crawlers { get; init; }

    /// <summary>Flags of <paramref name="code"/> in <paramref name="status"/>.</summary>
    public int Count(string? code, string status) =>
        FlagCounts.Where(c => c.MunicipalityCode == code && c.Status == status).Sum(c => c.Count);
}
