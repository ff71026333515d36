namespace AdWatch.Analysis;

/// <summary>
/// What <see cref="AnalysisEngine"/> computes from an <see cref="AnalysisInput"/>: deterministic for the same input, options and
/// as-of.
/// </summary>
public sealed record AnalysisResult(
    DateTimeOffset AsOf,
    IReadOnlyList<ResultAdvertiser> Advertisers,
    IReadOnlyList<ResultOperator> Operators,
    IReadOnlyList<ResultLocation> Locations,
    IReadOnlyList<TouringAdvertiser> Touring,
    IReadOnlyList<MunicipalityStat> Municipalities)
{
    /// <summary>Locations that meet the flag rule, highest score first.</summary>
    public IEnumerable<ResultLocation> Flagged => Locations
        .Where(l => l.Flag is { Qualifies: true })
        .OrderByDescending(l => l.Flag!.Score).ThenBy(l => l.Place.Key, StringComparer.Ordinal);

    /// <summary>The advertiser an ad belongs to, or null when the ad was not active by the as-of time.</summary>
    public ResultAdvertiser? AdvertiserOf(long adId) => Advertisers.FirstOrDefault(a => a.Ads.Any(l => l.AdId == adId));
}
