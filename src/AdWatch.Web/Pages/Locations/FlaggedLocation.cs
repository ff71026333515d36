namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// A row of the flagged-location list. <see cref="Status"/> is the flag's review status, or <c>licensed</c> for a licensed
/// venue (then <see cref="FlagId"/> and <see cref="Score"/> are null and <see cref="LicensedVenue"/> names it).
/// </summary>
public sealed record FlaggedLocation(
    long LocationId,
    long? FlagId,
    string Label,
    string? MunicipalityCode,
    double? Lat,
    double? Lon,
    double? Score,
    string Status,
    bool Active,
    string? AssignedTo,
    string? LicensedVenue,
    int Advertisers,
    int Stays,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    /// <summary>The town of an unresolved location (a house known only from shared booking phones or photos); null for an address.</summary>
    public string? UnresolvedTown { get; init; }
}
