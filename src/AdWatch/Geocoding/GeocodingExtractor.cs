using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// Extraction followed by geocoding: the <see cref="AdExtractor"/>'s phones, mentions and indicators, with the mentions
/// resolved by the <see cref="IGeocoder"/>. What the CLI's <c>extract</c> verb and the stored-version pass run.
/// </summary>
public sealed class GeocodingExtractor(AdExtractor extractor, IGeocoder geocoder)
{
    /// <summary>Extracts and geocodes an ad given as HTML or plain text (detected).</summary>
    public Task<GeocodedExtraction> ExtractAsync(string input, CancellationToken ct) => GeocodeAsync(extractor.Extract(input), ct);

    /// <summary>Extracts and geocodes an ad given as HTML.</summary>
    public Task<GeocodedExtraction> ExtractHtmlAsync(string html, CancellationToken ct) => GeocodeAsync(extractor.ExtractHtml(html), ct);

    /// <summary>Extracts and geocodes an ad given as plain text, even if it contains angle brackets.</summary>
    public Task<GeocodedExtraction> ExtractTextAsync(string text, CancellationToken ct) => GeocodeAsync(extractor.ExtractText(text), ct);

    /// <summary>Extracts and geocodes an ad already read into text, links and images.</summary>
    public Task<GeocodedExtraction> ExtractAsync(AdText ad, CancellationToken ct) => GeocodeAsync(extractor.Extract(ad), ct);

    private async Task<GeocodedExtraction> GeocodeAsync(AdExtraction extraction, CancellationToken ct)
    {
        var addresses = extraction.Addresses.Count == 0 ? [] : await geocoder.GeocodeAsync(extraction.Addresses, ct).ConfigureAwait(false);
        return new GeocodedExtraction(extraction, addresses);
    }
}

/// <summary>One ad version's extraction with its address mentions geocoded (one per place, most precise first).</summary>
public sealed record GeocodedExtraction(AdExtraction Extraction, IReadOnlyList<GeocodedAddress> Addresses)
{
    public IReadOnlyList<ExtractedPhone> Phones => Extraction.Phones;

    public IReadOnlyList<IndicatorHit> Indicators => Extraction.Indicators;

    public IReadOnlyList<string> ImageUrls => Extraction.ImageUrls;
}
