namespace AdWatch.Dossiers;

/// <summary>The place of a location as geocoded: label, precision (address, postcode or street), parts and WGS84 point.</summary>
public sealed record DossierPlace(
    long PlaceId,
    string Label,
    string Precision,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? PlaceName,
    string? MunicipalityCode,
    bool InRegion,
    double? Lat,
    double? Lon);
