namespace AdWatch.Extraction;

/// <summary>
/// Everything extraction learns from one ad version's text. Phones are deduplicated per ad by E.164; addresses are the
/// mentions as written, in text order, for geocoding to resolve.
/// </summary>
public sealed record AdExtraction(
    IReadOnlyList<ExtractedPhone> Phones,
    IReadOnlyList<AddressMention> Addresses,
    IReadOnlyList<IndicatorHit> Indicators)
{
    /// <summary>Image URLs of the ad in document order, for fingerprinting with <see cref="ImageFingerprinter"/>.</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];
}
