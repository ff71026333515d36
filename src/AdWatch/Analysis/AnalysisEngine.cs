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
        var boilerplate = BoilerplateNames.Of(input.Ads, options);
        foreach (var ad in input.Ads.OrderBy(a => a.Id))
        {
            if (AdFacts.From(ads.Count, ad, asOfDay, input, boilerplate) is { } facts)
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
        var operatorOnly = advertisers.Where(a => a.OperatorOnly).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);

        var locations = new List<ResultLocation>();
        foreach (var (placeId, placeStays) in built.Stays)
        {
            var place = input.Places.GetValueOrDefault(placeId) ?? built.Unresolved[placeId];
            var inRegion = place.Place.MunicipalityCode is { } code ? region.Contains(code) : place.Place.InRegion;
            var licensed = venues.Match(place.Place, asOfDay);
            // Licensed venues and places outside the region are shown, never flagged.
            // Operator-only ads stay visible at the location but are no advertiser of the rotation.
            var counted = operatorOnly.Count == 0 ? placeStays : [.. placeStays.Where(s => !operatorOnly.Contains(s.AdvertiserKey))];
            var flag = licensed is null && inRegion && counted.Count > 0 ? scorer.Score(place, counted, asOfDay) : null;
            if (flag is not null && built.Reasons.TryGetValue(placeId, out var first))
            {
                flag = flag with { Reasons = [first, .. flag.Reasons] };
            }
            locations.Add(new ResultLocation(place, licensed?.Name, inRegion, placeStays.Min(s => s.StartDay), placeStays.Max(s => s.EndDay),
                placeStays, flag) { Joins = built.Joins.GetValueOrDefault(placeId) ?? [] });
        }

        return new AnalysisResult(asOf, advertisers, operators, locations,
            TouringDetector.Detect(options, context, [.. advertisers.Where(a => !a.OperatorOnly)], asOfDay),
            Municipalities(ads, keyByAd, operatorOnly, input, region, asOfDay, options.WindowDays))
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
            var operatorOnly = links.OperatorOnlyRoots.Contains(component.Key);
            advertisers.Add(new ResultAdvertiser(key, label, links1, phones,
                operatorPhone, members.Min(m => m.FirstDay), members.Max(m => m.LastDay))
            {
                OperatorOnly = operatorOnly,
                Identity = Identity(members, links, component.Key, operatorOnly, phones, input),
            });
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

    private static List<FlagReason> Identity(List<AdFacts> members, LinkResult links, int root, bool operatorOnly, List<long> phones,
        AnalysisInput input)
    {
        var notes = new List<FlagReason>();
        string E164(long p) => input.Phones[p].E164;
        foreach (var change in links.PhoneChanges.Where(c => c.Ad == root).OrderBy(c => c.ToFirstDay))
        {
            var from = string.Join(", ", change.From.Select(E164));
            var to = string.Join(", ", change.To.Select(E164));
            notes.Add(ReasonTexts.Reason("phone-change", "phone-change/" + change.Evidence,
                new ReasonEvidence([.. members.Select(m => m.Id)], [AnalysisDays.Format(change.FromLastDay), AnalysisDays.Format(change.ToFirstDay)],
                    [.. change.From.Concat(change.To).Select(E164)]),
                from, to, change.Name, AnalysisDays.Format(change.FromLastDay), AnalysisDays.Format(change.ToFirstDay)));
        }
        if (operatorOnly)
        {
            notes.Add(ReasonTexts.Reason("operator-only", new ReasonEvidence([.. members.Select(m => m.Id)], [], [.. phones.Select(E164)]),
                string.Join(", ", phones.Select(E164))));
        }
        foreach (var group in members.Where(m => m.BoilerplateName is not null)
                     .GroupBy(m => (m.BoilerplateName!.Value.Name, m.Site)).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            notes.Add(ReasonTexts.Reason("boilerplate-name", new ReasonEvidence([.. group.Select(m => m.Id)], [], []),
                group.Key.Name, group.First().BoilerplateName!.Value.Ads, group.Key.Site ?? "?"));
        }
        return notes;
    }

    private static double Confidence(string kind) => kind switch
    {
        "phone-change" => 0.8,
        "image" => 0.8,
        "text" => 0.7,
        "name" => 0.6,
        _ => 1.0,
    };

    private static List<MunicipalityStat> Municipalities(List<AdFacts> ads, string[] keyByAd, HashSet<string> operatorOnly, AnalysisInput input,
        HashSet<string> region, int asOfDay, int windowDays)
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
                    if (!operatorOnly.Contains(keyByAd[ad.Index]))
                    {
                        s.Advertisers.Add(keyByAd[ad.Index]);
                    }
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
