namespace AdWatch.Review;

/// <summary>
/// Another location tied to this one: <see cref="Via"/> is <c>advertiser</c> (an advertiser stayed at both) or
/// <c>operator</c> (advertisers behind one operator phone stayed at each). Flag fields are null when it is not flagged.
/// </summary>
public sealed record DossierLinkedLocation(
    long LocationId,
    string Label,
    string? MunicipalityCode,
    double? Lat,
    double? Lon,
    string Via,
    int SharedAdvertisers,
    long? FlagId,
    string? FlagStatus,
    double? Score);
