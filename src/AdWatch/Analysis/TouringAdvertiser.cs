namespace AdWatch.Analysis;

/// <summary>An advertiser seen in several towns within the tour window, one of them in the region.</summary>
public sealed record TouringAdvertiser(string AdvertiserKey, string Label, IReadOnlyList<string> Phones, IReadOnlyList<string> Places);
