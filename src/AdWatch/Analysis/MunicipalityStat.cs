namespace AdWatch.Analysis;

/// <summary>
/// Activity per municipality in the window. Town- and region-level mentions end up only here: a bare town name never
/// makes a location flag, but a municipality still sees how much is advertised in it.
/// </summary>
public sealed record MunicipalityStat(string MunicipalityCode, bool InRegion, int Ads, int Advertisers, int PlaceLevelAds);
