namespace AdWatch.Geocoding;

/// <summary>
/// An address or place mention found in ad text, geocoded. <see cref="Raw"/> is the text as the ad wrote it;
/// the other fields are normalised (postcode <c>3841AB</c>, municipality <c>GM0243</c>, WGS84 coordinates).
/// </summary>
public sealed record ResolvedAddress(
    string Raw,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? Place,
    string? MunicipalityCode,
    bool InRegion,
    GeoPrecision Precision,
    double? Lat,
    double? Lon)
{
    /// <summary>Stable identity of the place this resolves to, used as <c>places.key</c>; equal keys are the same location.</summary>
    public string Key => Precision switch
    {
        GeoPrecision.Address => $"adr:{Postcode ?? Place?.ToUpperInvariant()}:{Street?.ToUpperInvariant()}:{HouseNumber?.ToUpperInvariant()}",
        GeoPrecision.Postcode => $"pc:{Postcode}",
        GeoPrecision.Street => $"str:{MunicipalityCode}:{Street?.ToUpperInvariant()}",
        _ => $"{Precision.ToString().ToLowerInvariant()}:{MunicipalityCode}:{Place?.ToUpperInvariant()}",
    };
}
