using AdWatch.Extraction;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Extraction;

/// <summary>Geocodes a mention of "Harderwijk" to a fixed postcode result; everything else to nothing.</summary>
internal sealed class FakeGeocoder : IGeocoder
{
    public List<string> Seen { get; } = [];

    public Task<IReadOnlyList<GeocodedAddress>> GeocodeAsync(IReadOnlyList<AddressMention> mentions, CancellationToken ct)
    {
        Seen.AddRange(mentions.Select(m => m.Raw));
        IReadOnlyList<GeocodedAddress> result = mentions.Any(m => m.Raw.Contains("Harderwijk", StringComparison.Ordinal))
            ? [new GeocodedAddress("3841 AB Harderwijk", new Place(GeoPrecision.Postcode, null, null, "3841AB", "Harderwijk", "GM0243", true, 52.349, 5.622))]
            : [];
        return Task.FromResult(result);
    }
}
