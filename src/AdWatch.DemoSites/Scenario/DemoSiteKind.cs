namespace AdWatch.DemoSites.Scenario;

/// <summary>The two synthetic sites an ad can be published on.</summary>
public enum DemoSiteKind
{
    /// <summary>Site (a): server-rendered listing with pagination, detail pages and ETags.</summary>
    Kontaktbord,

    /// <summary>Site (b): JavaScript-rendered listing behind an 18+ age gate, fed by a JSON API.</summary>
    Nachtlicht,
}
