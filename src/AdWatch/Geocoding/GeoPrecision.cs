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
}
