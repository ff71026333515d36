using AdWatch.Extraction;
using AdWatch.Geocoding;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Tests.Geocoding;

/// <summary>Extraction's address mentions in a text, geocoded: the two steps the geocoding tests drive from a text.</summary>
public sealed record TextResolver(AddressExtractor Extractor, IGeocoder Geocoder)
{
    public static TextResolver From(IServiceProvider provider) =>
        new(provider.GetRequiredService<AddressExtractor>(), provider.GetRequiredService<IGeocoder>());

    public Task<IReadOnlyList<GeocodedAddress>> ResolveAsync(string text, CancellationToken ct) =>
        Geocoder.GeocodeAsync(Extractor.Extract(text), ct);
}
