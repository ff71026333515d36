namespace AdWatch.Review;

/// <summary>Another location (or town-level place when no location exists there) where a phone appeared, and when.</summary>
public sealed record DossierPhoneSighting(
    long? LocationId,
    string PlaceLabel,
    string? MunicipalityCode,
    int Ads,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
