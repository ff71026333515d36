namespace AdWatch.DemoSites.Scenario;

/// <summary>The three synthetic sites an ad can be published on (an ad can be on several).</summary>
public enum DemoSiteKind
{
    /// <summary>Site (a): server-rendered listing with pagination, detail pages and ETags.</summary>
    Kontaktbord,

    /// <summary>Site (b): JavaScript-rendered listing behind an 18+ age gate, fed by a JSON API.</summary>
    Nachtlicht,

    /// <summary>
    /// Site (c): a JavaScript "beta" front end with an endless list fed by a JSON API, and a classic server-rendered front end;
    /// consent modals, the phone behind "Toon nummer", listing order by paid bumps.
    /// </summary>
    Lantaarn,
}
