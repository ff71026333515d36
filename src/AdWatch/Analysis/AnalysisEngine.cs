namespace AdWatch.Analysis;

/// <summary>
/// The pure heart of analysis: input + options + region + as-of → advertisers, locations with stays, flags with reasons, touring
/// advertisers and municipality statistics. No I/O and no clock, so the same input always gives the same result.
/// </summary>
/// <param name="region">Municipality codes (<c>Region:MunicipalityCodes</c>) whose locations may be flagged.</param>
public sealed class AnalysisEngine(AnalysisOptions options, IEnumerable<string> region, LicensedVenueList venues)
{
    private readonly HashSet<string> _region = region.ToHashSet(StringComparer.Ordinal);

    public AnalysisResult Run(AnalysisInput input, DateTimeOffset asOf)
    {
        var asOfDay = AnalysisDays.From(asOf);
        var region = _region;
        var ads = new List<AdFacts>();
        foreach (var ad in input.Ads.OrderBy(a => a.Id))
        {
            if (AdFacts.From(ads.Count, ad, asOfDay, input) is { } facts)
            {
                ads.Add(facts);
            }
        }

        var shared = SharedHashes.Of(ads, options.MaxSharedHashAds);
        var links = new AdvertiserLinker(options).Link(ads, shared);
        var (advertisers, operators, keyByAd) = Advertisers(ads, links, input);
        var context = new AnalysisContext(advertisers, operators, ads, keyByAd, input, region);
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < advertisers.Count; i++)
        {
            indexByKey[advertisers[i].Key] = i;
        }
        var built = new StayBuilder(options, input, shared).Build(ads, [.. keyByAd.Select(k => indexByKey[k])], advertisers);
        var scorer = new FlagScorer(options, context);

        var locations = new List<ResultLocation>();
        foreach (var (placeId, placeStays) in built.Stays)
        {
            var place = input.Places.GetValueOrDefault(placeId) ?? built.Unresolved[placeId];
            var inRegion = place.Place.MunicipalityCode is { } code ? region.Contains(code) : place.Place.InRegion;
            var licensed = venues.Match(place.Place, asOfDay);
            // Licensed venues and places outside the region are shown, never flagged.
            var flag = licensed is null && inRegion ? scorer.Score(place, placeStays, asOfDay) : null;
            if (flag is not null && built.Reasons.TryGetValue(placeId, out var first))
            {
                flag = flag with { Reasons = [first, .. flag.Reasons] };
            }
            locations.Add(new ResultLocation(place, licensed?.Name, inRegion, placeStays.Min(s => s.StartDay), placeStays.Max(s => s.EndDay),
                placeStays, flag) { Joins = built.Joins.GetValueOrDefault(placeId) ?? [] });
        }

        return new AnalysisResult(asOf, advertisers, operators, locations,
            TouringDetector.Detect(options, context, advertisers, asOfDay), Municipalities(ads, keyByAd, input, region, asOfDay, options.WindowDays))
        {
            Merged = built.Merged,
        };
    }

    private static (List<ResultAdvertiser>, List<ResultOperator>, string[]) Advertisers(List<AdFacts> ads, LinkResult links, AnalysisInput input)
    {
        var keyByAd = new string[ads.Count];
        var advertisers = new List<ResultAdvertiser>();
        foreach (var component in Enumerable.Range(0, ads.Count).GroupBy(i => links.Roots[i]).OrderBy(g => g.Min()))
        {
            var members = component.Select(i => ads[i]).OrderBy(a => a.Id).ToList();
            var key = "a" + members[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var m in members)
            {
                keyByAd[m.Index] = key;
            }
            var phones = members.SelectMany(m => m.Phones).Distinct().Order().ToList();
            var name = members.Select(m => m.Name).OfType<string>().GroupBy(n => n, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
            var label = name ?? (phones.Count > 0 ? input.Phones[phones[0]].E164 : $"advertentie {members[0].Id}");
            var links1 = members.Select(m => new AdLink(m.Id, members.Count == 1 ? "self" : links.Kinds[m.Index], Confidence(members.Count == 1 ? "self" : links.Kinds[m.Index]))).ToList();
            var operatorPhone = phones.Where(links.OperatorPhones.Contains).Cast<long?>().FirstOrDefault();
            advertisers.Add(new ResultAdvertiser(key, label, links1, phones, operatorPhone, members.Min(m => m.FirstDay), members.Max(m => m.LastDay)));
        }
        var byPhone = new Dictionary<long, List<string>>();
        foreach (var a in advertisers)
        {
            foreach (var p in a.PhoneIds.Where(links.OperatorPhones.Contains))
            {
                (byPhone.TryGetValue(p, out var keys) ? keys : byPhone[p] = []).Add(a.Key);
            }
        }
        var operators = links.OperatorPhones.Select(p => new ResultOperator(p, input.Phones[p].E164, byPhone.GetValueOrDefault(p) ?? [])).ToList();
        return (advertisers, operators, keyByAd);
    }

    private static double Confidence(string kind) => kind switch
    {
        "image" => 0.8,
        "text" => 0.7,
        "name" => 0.6,
        _ => 1.0,
    };

    private static List<MunicipalityStat> Municipalities(List<AdFacts> ads, string[] keyByAd, AnalysisInput input, HashSet<string> region, int asOfDay, int windowDays)
    {
        var stats = new SortedDictionary<string, (HashSet<long> Ads, HashSet<string> Advertisers, HashSet<long> PlaceLevel)>(StringComparer.Ordinal);
        var windowStart = asOfDay - windowDays + 1;
        foreach (var ad in ads)
        {
            foreach (var v in ad.Versions.Where(v => v.Days[^1] >= windowStart))
            {
                foreach (var place in v.Version.PlaceIds.Select(id => input.Places.GetValueOrDefault(id)).OfType<InputPlace>())
                {
                    if (place.Place.MunicipalityCode is not { } code)
                    {
                        continue;
                    }
                    if (!stats.TryGetValue(code, out var s))
                    {
                        stats[code] = s = ([], new HashSet<string>(StringComparer.Ordinal), []);
                    }
                    s.Ads.Add(ad.Id);
                    s.Advertisers.Add(keyByAd[ad.Index]);
                    if (!place.FormsLocation)
                    {
                        s.PlaceLevel.Add(ad.Id);
                    }
                }
            }
        }
        return [.. stats.Select(kv => new MunicipalityStat(kv.Key, region.Contains(kv.Key), kv.Value.Ads.Count, kv.Value.Advertisers.Count,
            kv.Value.PlaceLevel.Count))];
    }
}
