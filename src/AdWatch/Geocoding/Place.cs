namespace AdWatch.Geocoding;

/// <summary>
/// A place as AdWatch knows it: address parts, how precisely they pin it (<see cref="GeoPrecision"/>), municipality and
/// WGS84 point. The one shape of "a place" used by geocoding, storage rows, analysis input, the dossier and the lead.
/// Parts are normalised: postcode <c>3841AB</c> (or PC4 <c>3841</c>), municipality <c>GM0243</c>.
/// </summary>
public sealed record Place(
    GeoPrecision Precision,
    string? Street = null,
    string? HouseNumber = null,
    string? Postcode = null,
    string? Town = null,
    string? MunicipalityCode = null,
    bool InRegion = false,
    double? Lat = null,
    double? Lon = null)
{
    /// <summary>
    /// Stable identity, stored as <c>places.key</c>; equal keys are the same location. Addresses and streets are keyed by
    /// municipality (else postcode, else town) so "Stationsstraat 12, Harderwijk" and "Stationsstraat 12, 3841 AB
    /// Harderwijk" are one location; names are upper case without spaces or dots.
    /// </summary>
    public string Key => Precision switch
    {
        GeoPrecision.Address => $"adr:{Area}:{Compact(Street)}:{Compact(HouseNumber)}",
        GeoPrecision.Postcode => $"pc:{Postcode}",
        GeoPrecision.Street => $"str:{Area}:{Compact(Street)}",
        _ => $"{Precision.ToString().ToLowerInvariant()}:{MunicipalityCode}:{Compact(Town)}",
    };

    /// <summary>How the place is shown to people: "Stationslaan 14, 3841 AB Harderwijk", "3841 AB Harderwijk", "Hierden"; empty when nothing is known.</summary>
    public string Label
    {
        get
        {
            var street = Street is null ? null : HouseNumber is null ? Street : $"{Street} {HouseNumber}";
            var postcode = Postcode is { Length: 6 } pc ? $"{pc[..4]} {pc[4..]}" : Postcode;
            var town = string.Join(' ', new[] { postcode, Town }.Where(s => !string.IsNullOrEmpty(s)));
            return string.Join(", ", new[] { street, town }.Where(s => !string.IsNullOrEmpty(s)));
        }
    }

    /// <summary>Address, postcode and street precision pin a house or a handful of houses: only these form locations.</summary>
    public bool FormsLocation => Precision is GeoPrecision.Address or GeoPrecision.Postcode or GeoPrecision.Street;

    private string Area => MunicipalityCode ?? Postcode ?? Compact(Town);

    /// <summary>A name as keys compare it: upper case, without spaces, dots and apostrophes.</summary>
    internal static string Compact(string? text) =>
        text is null ? "" : string.Concat(text.Where(c => c is not (' ' or '.' or '\'' or '’'))).ToUpperInvariant();
}
