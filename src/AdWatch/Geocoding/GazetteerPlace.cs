namespace AdWatch.Geocoding;

/// <summary>One named place of the offline gazetteer. <see cref="MunicipalityCode"/> is null when the data lacks it.</summary>
internal sealed record GazetteerPlace(
    string Name,
    PlaceKind Kind,
    string? MunicipalityCode,
    bool InRegion,
    double? Lat,
    double? Lon)
{
    /// <summary>Neighbourhood names are geocoded at neighbourhood precision, regions at region precision, the rest as places.</summary>
    public GeoPrecision Precision => Kind switch
    {
        PlaceKind.Neighbourhood => GeoPrecision.Neighbourhood,
        PlaceKind.Region => GeoPrecision.Region,
        _ => GeoPrecision.Place,
    };
}
