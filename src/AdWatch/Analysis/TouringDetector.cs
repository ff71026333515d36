namespace AdWatch.Analysis;

/// <summary>
/// Advertisers seen in <see cref="AnalysisOptions.TouringMinPlaces"/> or more towns within <see cref="AnalysisOptions.TouringTourDays"/>
/// days, one of them in the region, in any such window up to the as-of day (like flags, a tour in spring is still shown in
/// December). If any window of that length overlaps spans of k towns,
/// the window starting at the earliest end among those spans does too, so only windows starting at a span's end are tried.
/// </summary>
internal static class TouringDetector
{
    public static IReadOnlyList<TouringAdvertiser> Detect(AnalysisOptions options, AnalysisContext context,
        IReadOnlyList<ResultAdvertiser> advertisers, int asOfDay)
    {
        var touring = new List<TouringAdvertiser>();
        foreach (var advertiser in advertisers)
        {
            var spans = (context.Towns.GetValueOrDefault(advertiser.Key) ?? []).Where(s => s.First <= asOfDay).ToList();
            if (spans.Select(s => s.Town).Distinct().Count() < options.TouringMinPlaces)
            {
                continue;
            }
            foreach (var end in spans.Select(s => s.Last).Distinct().Order())
            {
                var hits = spans.Where(s => s.Overlaps(end, end + options.TouringTourDays - 1)).ToList();
                if (hits.Select(s => s.Town).Distinct().Count() >= options.TouringMinPlaces && hits.Any(s => s.InRegion))
                {
                    touring.Add(new TouringAdvertiser(advertiser.Key, advertiser.Label, context.PhonesOf(advertiser.Key),
                        [.. hits.OrderBy(s => s.First).Select(s => s.Label).Distinct(StringComparer.Ordinal)]));
                    break;
                }
            }
        }
        return touring;
    }
}
