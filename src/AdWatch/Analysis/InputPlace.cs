namespace AdWatch.Analysis;

/// <summary>A geocoded place as stored in <c>places</c>; <see cref="Precision"/> is address, postcode, street, neighbourhood, place, region or none.</summary>
public sealed record InputPlace(
    long Id,
    string Key,
    string Label,
    string Precision,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? PlaceName,
    string? MunicipalityCode,
    bool InRegion,
    double? Lat,
    double? Lon)
{
    /// <summary>Address, postcode and street precision pin a house or a handful of houses: only these form locations.</summary>
    public bool FormsLocation => Precision is "address" or "postcode" or "street";

    /// <summary>The town this place lies in, for touring and statistics: municipality code, else place name, else key.</summary>
    public string TownKey => MunicipalityCode ?? (PlaceName is { Length: > 0 } p ? "place:" + p.ToUpperInvariant() : Key);

    public string TownLabel => PlaceName ?? Label;
}
