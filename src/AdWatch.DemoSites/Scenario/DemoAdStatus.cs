namespace AdWatch.DemoSites.Scenario;

/// <summary>State of an ad on one simulated day.</summary>
public enum DemoAdStatus
{
    /// <summary>Before its first active day: the site answers 404 as if the id never existed.</summary>
    NotYetOnline,

    /// <summary>Listed and its detail page is served.</summary>
    Online,

    /// <summary>After an active range (possibly to return later): answered per <see cref="DemoExpiryStyle"/>.</summary>
    Offline,
}
