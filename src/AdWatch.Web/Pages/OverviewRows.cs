namespace AdWatch.Web.Pages;

/// <summary>A municipality of the region.</summary>
public sealed record Municipality(string Code, string Name);

/// <summary>Flags of one municipality in one review status.</summary>
public sealed record FlagCount
{
    public string? MunicipalityCode { get; init; }
    public required string Status { get; init; }
    public int Count { get; init; }
}

/// <summary>A flag raised since the user's previous visit.</summary>
public sealed record NewFlag
{
    public long FlagId { get; init; }
    public long LocationId { get; init; }
    public required string Label { get; init; }
    public string? MunicipalityCode { get; init; }
    public double Score { get; init; }
    public required string Status { get; init; }
    public DateTimeOffset FirstFlaggedAt { get; init; }

    /// <summary>When the flag qualified again after it had stopped (new activity); null if it never did.</summary>
    public DateTimeOffset? ReactivatedAt { get; init; }
}

/// <summary>The last crawl run of a site (null fields: the site never ran).</summary>
public sealed record CrawlerHealth
{
    /// <summary>The site's id: its crawler page is <c>/crawlers/{SiteId}</c>.</summary>
    public long SiteId { get; init; }
    public required string Site { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? HealthNote { get; init; }
    public DateTimeOffset? LastCompletedAt { get; init; }
    public int FailedLast7Days { get; init; }
}
