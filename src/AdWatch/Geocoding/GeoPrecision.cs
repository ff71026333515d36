namespace AdWatch.Geocoding;

/// <summary>How exactly a geocoded result pins a location, best first. Serialised in lower case.</summary>
public enum GeoPrecision
{
    Address,
    Postcode,
    Street,
    Neighbourhood,
    Place,
    Region,
    None,
    /// <summary>
    /// Not a geocoded place: a house analysis infers from ads without an address that share a booking phone or interior photos
    /// in one town (<c>places.key</c> <c>unr:{town}:{evidence}</c>). Its address is unknown until an analyst records it.
    /// </summary>
    Unresolved,
}
