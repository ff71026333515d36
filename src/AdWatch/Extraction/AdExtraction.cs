using AdWatch.Geocoding;

namespace AdWatch.Extraction;

/// <summary>Everything extraction learns from one ad version. Phones are deduplicated per ad by E.164.</summary>
public sealed record AdExtraction(
    IReadOnlyList<ExtractedPhone> Phones,
    IReadOnlyList<ResolvedAddress> Addresses,
    IReadOnlyList<IndicatorHit> Indicators)
{
    /// <summary>Image URLs of the ad in document order, for fingerprinting with <see cref="ImageFingerprinter"/>.</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
}
