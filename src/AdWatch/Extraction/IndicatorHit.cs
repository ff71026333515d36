namespace AdWatch.Extraction;

/// <summary>An indicator from config/indicators.yaml that matched, with the ad text that matched it.</summary>
public sealed record IndicatorHit(string Code, string Evidence);
