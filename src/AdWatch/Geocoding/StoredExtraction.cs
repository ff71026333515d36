using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>The stored extraction of one ad version, as <see cref="ExtractionStore.GetAsync"/> reads it back.</summary>
public sealed record StoredExtraction(
    IReadOnlyList<StoredPhone> Phones,
    IReadOnlyList<PlaceRow> Places,
    IReadOnlyList<IndicatorHit> Indicators,
    IReadOnlyList<(string Url, ulong? Hash)> Images);
