namespace AdWatch.Geocoding;

/// <summary>A row of <c>places</c>.</summary>
public sealed record PlaceRow
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string Label { get; init; }
    public required string Precision { get; init; }
    public string? Street { get; init; }
    public string? HouseNumber { get; init; }
    public string? Postcode { get; init; }
    public string? PlaceName { get; init; }
    public string? MunicipalityCode { get; init; }
    public bool InRegion { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public required string Source { get; init; }
    public DateTimeOffset GeocodedAt { get; init; }
}
