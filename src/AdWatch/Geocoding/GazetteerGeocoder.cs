using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// Geocodes a mention with the offline gazetteer alone. There is no street list offline, so a street with house number
/// keeps precision <see cref="GeoPrecision.Address"/> as an identity (municipality + street + number: two ads naming
/// the same address are the same location) but its coordinates are those of its PC6, else PC4, else place: a pin
/// near, not on, the door. PDOK, when enabled, replaces them with the BAG point.
/// </summary>
public sealed class GazetteerGeocoder : IGeocoder
{
    private readonly Gazetteer _gazetteer;

    internal GazetteerGeocoder(Gazetteer gazetteer) => _gazetteer = gazetteer;

    /// <summary>Geocodes with the lexicon the extractor recognised the mentions with.</summary>
    public GazetteerGeocoder(AddressExtractor extractor) : this(extractor.Gazetteer)
    {
    }

    public Task<IReadOnlyList<GeocodedAddress>> GeocodeAsync(IReadOnlyList<AddressMention> mentions, CancellationToken ct) =>
        Task.FromResult(GeocodedAddress.Distinct(mentions.Select(Geocode)));

    internal GeocodedAddress Geocode(AddressMention m) => m.Kind switch
    {
        AddressMentionKind.Address or AddressMentionKind.Street => Street(m),
        AddressMentionKind.Postcode => Postcode(m),
        _ => Named(m),
    };

    private GeocodedAddress Street(AddressMention m)
    {
        var point = m.Postcode is null ? null : FindPostcode(m.Postcode);
        var code = point?.MunicipalityCode ?? m.Place?.MunicipalityCode;
        var place = point?.Place ?? PlaceName(m.Place) ?? _gazetteer.MunicipalityName(code);
        return new GeocodedAddress(m.Raw,
            new Place(m.Kind == AddressMentionKind.Address ? GeoPrecision.Address : GeoPrecision.Street, m.Street, m.HouseNumber, m.Postcode, place, code, _gazetteer.IsInRegion(code), point?.Lat ?? m.Place?.Lat, point?.Lon ?? m.Place?.Lon));
    }

    private GeocodedAddress Postcode(AddressMention m)
    {
        var point = FindPostcode(m.Postcode!);
        var code = point?.MunicipalityCode ?? m.Place?.MunicipalityCode;
        return new GeocodedAddress(m.Raw,
            new Place(GeoPrecision.Postcode, null, null, m.Postcode, point?.Place ?? PlaceName(m.Place), code, _gazetteer.IsInRegion(code), point?.Lat ?? m.Place?.Lat, point?.Lon ?? m.Place?.Lon));
    }

    private GeocodedAddress Named(AddressMention m)
    {
        var p = m.Place!;
        var inRegion = (p.Kind == PlaceKind.Region && p.InRegion) || _gazetteer.IsInRegion(p.MunicipalityCode);
        return m.Qualifier switch
        {
            PlaceQualifier.Region => new GeocodedAddress(m.Raw,
            new Place(GeoPrecision.Region, null, null, null, p.Name, p.MunicipalityCode, inRegion, p.Lat, p.Lon)),
            PlaceQualifier.Centre when p.Kind != PlaceKind.Region => Centre(m, p, inRegion),
            _ => new GeocodedAddress(m.Raw,
            new Place(PrecisionOf(p.Kind), null, null, null, p.Name, p.MunicipalityCode, inRegion, p.Lat, p.Lon)),
        };
    }

    /// <summary>"Putten-centrum": the CBS buurt of that name when there is one, else the place's own point (a town centre).</summary>
    private GeocodedAddress Centre(AddressMention m, GazetteerPlace p, bool inRegion)
    {
        var name = p.Name + "-Centrum";
        var buurt = _gazetteer.TryFindName(AddressText.FoldName(name), out var found)
            ? Array.Find(found, f => f.MunicipalityCode == p.MunicipalityCode) : null;
        return new GeocodedAddress(m.Raw,
            new Place(GeoPrecision.Neighbourhood, null, null, null, buurt?.Name ?? name, p.MunicipalityCode, inRegion, buurt?.Lat ?? p.Lat, buurt?.Lon ?? p.Lon));
    }

    private PostcodePoint? FindPostcode(string postcode) =>
        postcode.Length == 6 ? _gazetteer.FindPc6(postcode) ?? _gazetteer.FindPc4(postcode[..4]) : _gazetteer.FindPc4(postcode);

    /// <summary>Neighbourhood names are geocoded at neighbourhood precision, regions at region precision, the rest as places.</summary>
    private static GeoPrecision PrecisionOf(PlaceKind kind) => kind switch
    {
        PlaceKind.Neighbourhood => GeoPrecision.Neighbourhood,
        PlaceKind.Region => GeoPrecision.Region,
        _ => GeoPrecision.Place,
    };

    private static string? PlaceName(GazetteerPlace? place) => place is null || place.Kind == PlaceKind.Region ? null : place.Name;
}
