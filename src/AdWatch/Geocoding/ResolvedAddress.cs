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
    /// <summary>
    /// Stable identity of the place this resolves to, used as <c>places.key</c>; equal keys are the same location.
    /// Addresses and streets are keyed by municipality (else postcode, else place) so "Stationsstraat 12, Harderwijk"
    /// and "Stationsstraat 12, 3841 AB Harderwijk" are one location; names are upper case without spaces or dots.
    /// </summary>
    public string Key => Precision switch
    {
        GeoPrecision.Address => $"adr:{Area}:{Compact(Street)}:{Compact(HouseNumber)}",
        GeoPrecision.Postcode => $"pc:{Postcode}",
        GeoPrecision.Street => $"str:{Area}:{Compact(Street)}",
        _ => $"{Precision.ToString().ToLowerInvariant()}:{MunicipalityCode}:{Compact(Place)}",
    };

    private string Area => MunicipalityCode ?? Postcode ?? Compact(Place);

    private static string Compact(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => c is not (' ' or '.' or '\'' or '’'))).ToUpperInvariant();
}
