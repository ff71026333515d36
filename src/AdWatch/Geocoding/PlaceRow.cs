using AdWatch.Storage;

namespace AdWatch.Geocoding;

/// <summary>A row of <c>places</c>: its id, key and label, the <see cref="Geocoding.Place"/> it stores, and where it came from.</summary>
public sealed record PlaceRow
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public required string Label { get; init; }
    public required string Source { get; init; }
    public DateTimeOffset GeocodedAt { get; init; }

    /// <summary>The stored place (precision as <see cref="GeoPrecision"/>, parts, point).</summary>
    public Place Place => new(EnumText.Parse<GeoPrecision>(Precision), Street, HouseNumber, Postcode, PlaceName, MunicipalityCode, InRegion, Lat, Lon,
        BagNummeraanduidingId, BagAdresseerbaarobjectId, BagGebruiksdoel);

    // The columns, as Dapper fills them (it sets non-public properties); read them through Place.
    private string Precision { get; init; } = "none";
    private string? Street { get; init; }
    private string? HouseNumber { get; init; }
    private string? Postcode { get; init; }
    private string? PlaceName { get; init; }
    private string? MunicipalityCode { get; init; }
    private bool InRegion { get; init; }
    private double? Lat { get; init; }
    private double? Lon { get; init; }
    private string? BagNummeraanduidingId { get; init; }
    private string? BagAdresseerbaarobjectId { get; init; }
    private string? BagGebruiksdoel { get; init; }
}
