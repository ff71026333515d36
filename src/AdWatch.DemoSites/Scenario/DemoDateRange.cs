namespace AdWatch.DemoSites.Scenario;

/// <summary>An inclusive range of simulated days on which an ad is online.</summary>
/// <param name="First">First day the ad is listed.</param>
/// <param name="Last">Last day the ad is listed (inclusive).</param>
public readonly record struct DemoDateRange(DateOnly First, DateOnly Last)
{
    /// <summary>True when <paramref name="date"/> lies within the range.</summary>
    public bool Contains(DateOnly date) => date >= First && date <= Last;
}
