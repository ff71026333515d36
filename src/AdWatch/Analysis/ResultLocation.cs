namespace AdWatch.Analysis;

/// <summary>A place at address, postcode or street precision with the stays of advertisers at it.</summary>
public sealed record ResultLocation(
    InputPlace Place,
    string? LicensedVenue,
    bool InRegion,
    int FirstDay,
    int LastDay,
    IReadOnlyList<ResultStay> Stays,
    ResultFlag? Flag);
