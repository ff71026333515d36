namespace AdWatch.Analysis;

/// <summary>Everything the engine reads: ads with their versions, and the phones and places those versions point at.</summary>
public sealed record AnalysisInput(
    IReadOnlyList<InputAd> Ads,
    IReadOnlyDictionary<long, InputPhone> Phones,
    IReadOnlyDictionary<long, InputPlace> Places);
