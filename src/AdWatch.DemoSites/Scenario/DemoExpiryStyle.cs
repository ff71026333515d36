namespace AdWatch.DemoSites.Scenario;

/// <summary>How a site answers the detail URL of an ad that is no longer (or not currently) online.</summary>
public enum DemoExpiryStyle
{
    /// <summary>HTTP 410 Gone.</summary>
    Gone,

    /// <summary>HTTP 200 with a "Deze advertentie is verlopen" page.</summary>
    ExpiredPage,
}
