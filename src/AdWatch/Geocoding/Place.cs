using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// A place as AdWatch knows it: address parts, how precisely they pin it (<see cref="GeoPrecision"/>), municipality and
/// WGS84 point. The one shape of "a place" used by geocoding, storage rows, analysis input, the dossier and the lead.
/// Parts are normalised: postcode <c>3841AB</c> (or PC4 <c>3841</c>), municipality <c>GM0243</c>.
/// The BAG ids come only from PDOK (an address's nummeraanduiding and its adresseerbaar object, usually the
/// verblijfsobject), the gebruiksdoel only from the optional BAG lookup; offline places have none. They are facts about the
/// place, not part of its identity: <see cref="Key"/> ignores them.
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
    double? Lon = null,
    string? NummeraanduidingId = null,
    string? AdresseerbaarObjectId = null,
    string? Gebruiksdoel = null)
{
    /// <summary>
    /// Stable identity, stored as <c>places.key</c>; equal keys are the same location. Addresses and streets are keyed by
    /// municipality (else postcode, else town) so "Stationsstraat 12, Harderwijk" and "Stationsstraat 12, 3841 AB
    /// Harderwijk" are one location. Streets and house numbers compare in <see cref="AddressNormalizer"/>'s one form
    /// ("Burg. Stationsln 12 a" is "Burgemeester Stationslaan 12A"); an address written without street ("pc 3841 AB nr 12")
    /// is keyed by its postcode in the street's place. The analysis joins the two writings of one house
    /// (<c>HouseIdentity</c>).
    /// </summary>
    public string Key => Precision switch
    {
        GeoPrecision.Address => $"adr:{Area}:{(Street is null ? Postcode : AddressNormalizer.StreetKey(Street))}:{Compact(AddressNormalizer.HouseNumber(HouseNumber))}",
        GeoPrecision.Postcode => $"pc:{Postcode}",
        GeoPrecision.Street => $"str:{Area}:{AddressNormalizer.StreetKey(Street)}",
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
