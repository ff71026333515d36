namespace AdWatch.Analysis;

/// <summary>
/// The pure heart of analysis: input + options + as-of → advertisers, locations with stays, flags with reasons, touring advertisers
/// and municipality statistics. No I/O and no clock, so the same input always gives the same result — which is what makes
/// "incremental equals full" checkable.
/// </summary>
public sealed class AnalysisEngine(AnalysisOptions options, LicensedVenueList venues)
{
    /// <summary>
    /// Changes whenever what the engine stores changes meaning (part of the options hash, so the first run after an upgrade is
    /// full). 2: link clusters and the flag figures the report is read from.
    /// </summary>
    public const string Version = "2";

    public AnalysisResult Run(AnalysisInput input, DateTimeOffset asOf)
    {
        var asOfDay = AnalysisDays.From(asOf);
        var region = options.Region.ToHashSet(StringComparer.Ordinal);
        var ads = new List<AdFacts>();
        foreach (var ad in input.Ads.OrderBy(a => a.Id))
        {
            if (AdFacts.From(ads.Count, ad, asOfDay, input) is { } facts)
            {
                ads.Add(facts);
            }
        }

        var shared = LinkClusters.Shared(ads.Count, i => KeysOf(ads[i]), options.MaxSharedHashAds);
        var links = new AdvertiserLinker(options).Link(ads, shared);
        var (advertisers, operators, keyByAd) = Advertisers(ads, links, input);
        var context = new AnalysisContext(advertisers, operators, ads, keyByAd, input, region);
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < advertisers.Count; i++)
        {
            indexByKey[advertisers[i].Key] = i;
        }
        var stays = new StayBuilder(options, input, shared).Build(ads, [.. keyByAd.Select(k => indexByKey[k])], [.. advertisers.Select(a => a.Key)]);
        var scorer = new FlagScorer(options, context);

        var locations = new List<ResultLocation>();
        foreach (var (placeId, placeStays) in stays)
        {
            var place = input.Places[placeId];
            var inRegion = place.MunicipalityCode is { } code ? region.Contains(code) : place.InRegion;
            var licensed = venues.Match(place, asOfDay);
            // Licensed venues and places outside the region are shown, never flagged.
            var flag = licensed is null && inRegion ? scorer.Score(place, placeStays, asOfDay) : null;
            locations.Add(new ResultLocation(place, licensed?.Name, inRegion, placeStays.Min(s => s.StartDay), placeStays.Max(s => s.EndDay),
                placeStays, flag));
        }

        return new AnalysisResult(asOf, advertisers, operators, locations,
            TouringDetector.Detect(options, context, advertisers, asOfDay), Municipalities(ads, keyByAd, input, region, asOfDay, options.WindowDays));
    }

    /// <summary>The link keys of an ad as the engine uses them (see <see cref="LinkClusters"/>); here for counting stock hashes.</summary>
    private static LinkClusters.Keys KeysOf(AdFacts ad) => new(ad.Phones, ad.Images,
        ad.Versions.Where(v => v.Version.TextHash is not null).Select(v => v.Version.TextHash!.Value),
        ad.Name is { } name ? ad.Versions.SelectMany(v => v.LocationPlaceIds).Select(p => (p, name)) : []);

    /// <summary>
    /// The link keys of an ad over all its versions, whatever the as-of time: wider than <see cref="KeysOf(AdFacts)"/>, as the
    /// incremental run needs (every place that can form a location, every name, phones usable now).
    /// </summary>
    internal static LinkClusters.Keys KeysOf(InputAd ad, AnalysisInput input) => new(
        ad.Versions.SelectMany(v => v.PhoneIds).Where(p => input.Phones.TryGetValue(p, out var phone) && phone.Usable),
        ad.Versions.SelectMany(v => v.ImageHashes).Where(h => h is not 0 and not ulong.MaxValue),
        ad.Versions.Where(v => v.TextHash is not null).Select(v => v.TextHash!.Value),
        ad.Versions.Select(v => v.Name).OfType<string>().SelectMany(n => ad.Versions.SelectMany(v => v.PlaceIds)
            .Where(p => input.Places.TryGetValue(p, out var place) && place.FormsLocation).Select(p => (p, n))));

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
                    if (place.MunicipalityCode is not { } code)
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
