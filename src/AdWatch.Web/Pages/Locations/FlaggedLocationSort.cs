namespace AdWatch.Web.Pages.Locations;

/// <summary>Sort keys of the flagged-location list; each sorts highest first, ties broken by location id.</summary>
public enum FlaggedLocationSort
{
    /// <summary>Flag score (licensed venues, without a score, last).</summary>
    Score,

    /// <summary>Last activity at the location.</summary>
    LastSeen,

    /// <summary>Distinct advertisers with stays at the location.</summary>
    Advertisers,
}
