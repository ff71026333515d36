namespace AdWatch.Analysis;

/// <summary>
/// Scores one location from its stays in the window. The rule (enough different advertisers on short stays) decides whether it is
/// flagged; the score only orders flags: a weighted mean of distinct advertisers, short stays, turnover, touring, operator links and
/// indicators, each 0..1. Every component that contributes yields a reason with its evidence.
/// </summary>
internal sealed class FlagScorer(AnalysisOptions options, AnalysisContext context)
{
    public ResultFlag? Score(InputPlace place, IReadOnlyList<ResultStay> stays, int asOfDay)
    {
        // "Within 90 days" is any 90-day window up to the as-of day that ended at most FlagActiveDays before it, not only the
        // last one: a house that rotated in spring is still a lead in December, a 2023 rotation is no lead in 2026. The window
        // with the most different short-stay advertisers (the latest on a tie) is scored.
        asOfDay = BestWindowEnd(stays, asOfDay);
        var windowStart = asOfDay - options.WindowDays + 1;
        var inWindow = stays.Where(s => s.EndDay >= windowStart && s.StartDay <= asOfDay).ToList();
        var shortStays = inWindow.Where(s => s.LengthDays <= options.ShortStayMaxDays).ToList();
        if (shortStays.Count == 0)
        {
            return null;
        }
        var w = options.Weights;
        var advertisers = shortStays.Select(s => s.AdvertiserKey).Distinct().Order(StringComparer.Ordinal).ToList();
        var ads = shortStays.SelectMany(s => s.AdIds).Distinct().Order().ToList();
        var phones = advertisers.SelectMany(context.PhonesOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var dates = shortStays.Select(s => AnalysisDays.Range(s.StartDay, s.EndDay)).ToList();
        var reasons = new List<FlagReason>();

        var cAdvertisers = Math.Min(1.0, advertisers.Count / (double)w.AdvertisersSaturation);
        var qualifies = advertisers.Count >= options.MinAdvertisers;
        if (advertisers.Count >= 2)
        {
            reasons.Add(ReasonTexts.Reason("rotation", new ReasonEvidence(ads, dates, phones), advertisers.Count, options.ShortStayMaxDays, options.WindowDays));
        }
        var cShort = Math.Min(1.0, shortStays.Count / (double)w.ShortStaysSaturation);
        reasons.Add(ReasonTexts.Reason("short-stays", new ReasonEvidence(ads, dates, []),
            shortStays.Count, AnalysisDays.Format(shortStays.Min(s => s.StartDay)), AnalysisDays.Format(shortStays.Max(s => s.EndDay))));

        // Turnover: a different advertiser arriving shortly after one leaves is the rhythm of a rotation house.
        var ordered = inWindow.OrderBy(s => s.StartDay).ThenBy(s => s.AdvertiserKey, StringComparer.Ordinal).ToList();
        var handovers = new List<(ResultStay From, ResultStay To)>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            if (previous.AdvertiserKey != ordered[i].AdvertiserKey && ordered[i].StartDay - previous.EndDay <= options.ShortStayMaxDays)
            {
                handovers.Add((previous, ordered[i]));
            }
        }
        var cTurnover = ordered.Count > 1 ? handovers.Count / (double)(ordered.Count - 1) : 0;
        if (handovers.Count > 0)
        {
            reasons.Add(ReasonTexts.Reason("turnover", new ReasonEvidence(
                [.. handovers.SelectMany(h => h.To.AdIds).Distinct().Order()],
                [.. handovers.Select(h => $"{AnalysisDays.Format(h.From.EndDay)}..{AnalysisDays.Format(h.To.StartDay)}")], []),
                handovers.Count, options.ShortStayMaxDays));
        }

        // Touring: seen in another town around the stay.
        var touring = new SortedDictionary<string, (List<(string Town, string Label)> Towns, ResultStay Stay)>(StringComparer.Ordinal);
        foreach (var stay in shortStays)
        {
            var towns = context.TownsAround(stay.AdvertiserKey, stay.StartDay - options.TouringWindowDays, stay.EndDay + options.TouringWindowDays,
                place.TownKey);
            if (towns.Count > 0 && !touring.ContainsKey(stay.AdvertiserKey))
            {
                touring[stay.AdvertiserKey] = (towns, stay);
            }
        }
        var cTouring = touring.Count / (double)advertisers.Count;
        if (touring.Count > 0)
        {
            reasons.Add(ReasonTexts.Reason("touring", new ReasonEvidence(
                [.. touring.Values.SelectMany(t => t.Stay.AdIds).Distinct().Order()],
                [.. touring.Values.Select(t => AnalysisDays.Range(t.Stay.StartDay, t.Stay.EndDay))],
                [.. touring.Keys.SelectMany(context.PhonesOf).Distinct().Order(StringComparer.Ordinal)]),
                touring.Count, advertisers.Count, options.TouringWindowDays,
                string.Join(", ", AnalysisContext.TownNames(touring.Values.SelectMany(t => t.Towns)))));
        }

        // Operator: one phone behind several of the advertisers here.
        var operators = advertisers.Select(context.OperatorOf).OfType<ResultOperator>().GroupBy(o => o.PhoneId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var cOperator = operators.Count == 0 ? 0 : operators[0].Count() >= 2 ? 1 : 0.5;
        foreach (var group in operators)
        {
            var op = group.First();
            reasons.Add(ReasonTexts.Reason("operator", new ReasonEvidence(
                [.. shortStays.Where(s => op.AdvertiserKeys.Contains(s.AdvertiserKey)).SelectMany(s => s.AdIds).Distinct().Order()],
                [.. shortStays.Where(s => op.AdvertiserKeys.Contains(s.AdvertiserKey)).Select(s => AnalysisDays.Range(s.StartDay, s.EndDay))],
                [op.E164]), op.E164, op.AdvertiserKeys.Count));
        }

        var flagged = ads.Where(a => context.IndicatorsOf(a).Length > 0).ToList();
        var cIndicators = ads.Count == 0 ? 0 : flagged.Count / (double)ads.Count;
        if (flagged.Count > 0)
        {
            reasons.Add(ReasonTexts.Reason("indicators", new ReasonEvidence(flagged, [], []), flagged.Count, ads.Count,
                ReasonTexts.IndicatorList(flagged.SelectMany(context.IndicatorsOf).Distinct().Order(StringComparer.Ordinal))));
        }

        var score = (w.Advertisers * cAdvertisers + w.ShortStays * cShort + w.Turnover * cTurnover + w.Touring * cTouring
                     + w.Operator * cOperator + w.Indicators * cIndicators) / w.Sum;
        return new ResultFlag(Math.Round(score, 3), qualifies, advertisers.Count, shortStays.Count, reasons, phones, ads);
    }

    private int BestWindowEnd(IReadOnlyList<ResultStay> stays, int asOfDay)
    {
        var best = (Advertisers: -1, End: asOfDay);
        var earliestEnd = asOfDay - options.FlagActiveDays;
        var ends = stays.Where(s => s.LengthDays <= options.ShortStayMaxDays && s.EndDay <= asOfDay && s.EndDay >= earliestEnd)
            .Select(s => s.EndDay).Append(asOfDay).Distinct();
        foreach (var end in ends.Order())
        {
            var start = end - options.WindowDays + 1;
            var count = stays.Where(s => s.LengthDays <= options.ShortStayMaxDays && s.EndDay >= start && s.StartDay <= end)
                .Select(s => s.AdvertiserKey).Distinct().Count();
            if (count >= best.Advertisers)
            {
                best = (count, end);
            }
        }
        return best.End;
    }
}
