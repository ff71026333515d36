using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// An address a person typed (from a tip, a complaint, a control report) read the way ads are read: the same
/// <see cref="AddressExtractor"/> and the offline <see cref="GazetteerGeocoder"/>, so "Stationsln 14 a Harderwijk" and
/// "Stationslaan 14A, 3841 AB" name one house. Offline on purpose: a lookup never sends what a user typed to PDOK.
/// </summary>
public sealed class TypedAddress(AddressExtractor extractor)
{
    private readonly GazetteerGeocoder _geocoder = new(extractor);

    /// <summary>Longest text read; an address is far shorter.</summary>
    public const int MaxLength = 200;

    /// <summary>The house <paramref name="text"/> names (street or postcode with a house number), or null when it names none.</summary>
    public async Task<Place?> ReadAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }
        var places = await _geocoder.GeocodeAsync(extractor.Extract(text), ct);
        return places.Select(p => p.Place).FirstOrDefault(p => p.Precision == GeoPrecision.Address);
    }

    /// <summary>
    /// True when a stored place is the house <paramref name="typed"/> names: the same house number (and addition) and the
    /// same street (as <see cref="AddressNormalizer.StreetKey"/> compares it) in the same municipality, or the same postcode.
    /// </summary>
    public static bool SameHouse(Place typed, string? street, string? houseNumber, string? postcode, string? municipalityCode)
    {
        if (!AddressNormalizer.SameHouseNumber(typed.HouseNumber, houseNumber))
        {
            return false;
        }
        var samePostcode = typed.Postcode is { Length: 6 } pc && AddressNormalizer.Postcode(postcode) == pc;
        var sameStreet = typed.Street is not null && street is not null && typed.MunicipalityCode is not null
                         && string.Equals(typed.MunicipalityCode, municipalityCode, StringComparison.OrdinalIgnoreCase)
                         && AddressNormalizer.StreetKey(typed.Street) == AddressNormalizer.StreetKey(street);
        return samePostcode || sameStreet;
    }
}
