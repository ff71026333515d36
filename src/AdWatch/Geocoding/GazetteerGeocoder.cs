using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// Geocodes a mention with the offline gazetteer alone. There is no street list offline, so a street with house number
/// keeps precision <see cref="GeoPrecision.Address"/> as an identity (municipality + street + number: two ads naming
/// the same address are the same location) but its coordinates are those of its PC6, else PC4, else place: a pin
/// near, not on, the door. PDOK, when enabled, replaces them with the BAG point.
/// </summary>
internal sealed class GazetteerGeocoder(Gazetteer gazetteer)
{
    public ResolvedAddress Geocode(AddressMention m) => m.Kind switch
    {
        AddressMentionKind.Address or AddressMentionKind.Street => Street(m),
        AddressMentionKind.Postcode => Postcode(m),
        _ => Place(m),
    };

    private ResolvedAddress Street(AddressMention m)
    {
        var point = m.Postcode is null ? null : FindPostcode(m.Postcode);
        var code = point?.MunicipalityCode ?? m.Place?.MunicipalityCode;
        var place = point?.Place ?? PlaceName(m.Place) ?? gazetteer.MunicipalityName(code);
        return new ResolvedAddress(m.Raw, m.Street, m.HouseNumber, m.Postcode, place, code, gazetteer.IsInRegion(code),
            m.Kind == AddressMentionKind.Address ? GeoPrecision.Address : GeoPrecision.Street,
            point?.Lat ?? m.Place?.Lat, point?.Lon ?? m.Place?.Lon);
    }

    private ResolvedAddress Postcode(AddressMention m)
    {
        var point = FindPostcode(m.Postcode!);
        var code = point?.MunicipalityCode ?? m.Place?.MunicipalityCode;
        return new ResolvedAddress(m.Raw, null, null, m.Postcode, point?.Place ?? PlaceName(m.Place), code,
            gazetteer.IsInRegion(code), GeoPrecision.Postcode, point?.Lat ?? m.Place?.Lat, point?.Lon ?? m.Place?.Lon);
    }

    private ResolvedAddress Place(AddressMention m)
    {
        var p = m.Place!;
        var inRegion = p.Kind == PlaceKind.Region || gazetteer.IsInRegion(p.MunicipalityCode);
        return m.Qualifier switch
        {
            PlaceQualifier.Region => new ResolvedAddress(m.Raw, null, null, null, p.Name, p.MunicipalityCode, inRegion,
                GeoPrecision.Region, p.Lat, p.Lon),
            PlaceQualifier.Centre when p.Kind != PlaceKind.Region => Centre(m, p, inRegion),
            _ => new ResolvedAddress(m.Raw, null, null, null, p.Name, p.MunicipalityCode, inRegion, p.Precision, p.Lat, p.Lon),
        };
    }

    /// <summary>"Putten-centrum": the CBS buurt of that name when there is one, else the place's own point (a town centre).</summary>
    private ResolvedAddress Centre(AddressMention m, GazetteerPlace p, bool inRegion)
    {
        var name = p.Name + "-Centrum";
        var buurt = gazetteer.TryFindName(AddressText.FoldName(name), out var found)
            ? Array.Find(found, f => f.MunicipalityCode == p.MunicipalityCode) : null;
        return new ResolvedAddress(m.Raw, null, null, null, buurt?.Name ?? name, p.MunicipalityCode, inRegion,
            GeoPrecision.Neighbourhood, buurt?.Lat ?? p.Lat, buurt?.Lon ?? p.Lon);
    }

    private PostcodePoint? FindPostcode(string postcode) =>
        postcode.Length == 6 ? gazetteer.FindPc6(postcode) ?? gazetteer.FindPc4(postcode[..4]) : gazetteer.FindPc4(postcode);

    private static string? PlaceName(GazetteerPlace? place) => place is null || place.Kind == PlaceKind.Region ? null : place.Name;
}
