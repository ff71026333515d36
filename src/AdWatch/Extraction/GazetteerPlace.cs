namespace AdWatch.Extraction;

/// <summary>One named place of the offline gazetteer. <see cref="MunicipalityCode"/> is null when the data lacks it.</summary>
public sealed record GazetteerPlace(
    string Name,
    PlaceKind Kind,
    string? MunicipalityCode,
    bool InRegion,
    double? Lat,
    double? Lon);
