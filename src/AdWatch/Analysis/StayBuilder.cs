namespace AdWatch.Analysis;

/// <summary>
/// Ties ads to locations and cuts each advertiser's days at a location into stays. An ad tied by its own address counts fully;
/// an ad without one attaches only through a strong link to exactly one location — a phone that advertised that address within
/// <see cref="AnalysisOptions.AttachWindowDays"/>, the same photo (an interior shot), or the same template with the address filled
/// in — each with its own, lower confidence. Anything ambiguous attaches nowhere.
/// </summary>
internal sealed class StayBuilder(AnalysisOptions options, AnalysisInput input)
{
    private static readonly string[] KindNames = ["address", "phone", "image", "template"];
    private static readonly double[] KindConfidence = [1.0, 0.8, 0.7, 0.6];

    /// <summary>Stays per location place id, each list ordered by start day and advertiser key.</summary>
    public SortedDictionary<long, List<ResultStay>> Build(IReadOnlyList<AdFacts> ads, string[] advertiserKeyByAd)
    {
        var entries = new List<(long Place, string Advertiser, int Day, long AdId, int Kind)>();
        var phoneSpans = new Dictionary<long, List<(int First, int Last, long Place)>>();
        var imagePlaces = new Dictionary<ulong, SortedSet<long>>();
        var textPlaces = new Dictionary<ulong, SortedSet<long>>();
        foreach (var ad in ads)
        {
            foreach (var v in ad.Versions.Where(v => v.LocationPlaceIds.Length > 0))
            {
                foreach (var place in v.LocationPlaceIds)
                {
                    foreach (var day in v.Days)
                    {
                        entries.Add((place, advertiserKeyByAd[ad.Index], day, ad.Id, 0));
                    }
                    foreach (var phone in ad.Phones)
                    {
                        (phoneSpans.TryGetValue(phone, out var spans) ? spans : phoneSpans[phone] = []).Add((v.Days[0], v.Days[^1], place));
                    }
                    foreach (var image in ad.Images)
                    {
                        (imagePlaces.TryGetValue(image, out var set) ? set : imagePlaces[image] = []).Add(place);
                    }
                    if (v.Version.TextHash is { } text)
                    {
                        (textPlaces.TryGetValue(text, out var set) ? set : textPlaces[text] = []).Add(place);
                    }
                }
            }
        }

        var imageIndex = new HammingIndex(imagePlaces.Keys, options.ImageHammingThreshold);
        var textIndex = new HammingIndex(textPlaces.Keys, options.TextHammingThreshold);
        foreach (var ad in ads)
        {
            foreach (var v in ad.Versions.Where(v => v.LocationPlaceIds.Length == 0))
            {
                var towns = v.Version.PlaceIds.Select(id => input.Places.GetValueOrDefault(id)?.TownKey).OfType<string>().ToHashSet();
                var phonePlaces = ad.Phones.SelectMany(p => phoneSpans.GetValueOrDefault(p) ?? [])
                    .Where(s => s.First - options.AttachWindowDays <= v.Days[^1] && v.Days[0] <= s.Last + options.AttachWindowDays)
                    .Select(s => s.Place);
                var imageMatches = ad.Images.SelectMany(h => imageIndex.Near(h)).SelectMany(h => imagePlaces[h]);
                var textMatches = v.Version.TextHash is { } t ? textIndex.Near(t).SelectMany(h => textPlaces[h]) : [];
                var (place, kind) = Unique(phonePlaces, 1) ?? Unique(imageMatches, 2) ?? Unique(textMatches, 3) ?? (0, -1);
                // An ad that names another town is not at a house in this one, whatever its phone did elsewhere.
                if (kind < 0 || (towns.Count > 0 && !towns.Contains(input.Places[place].TownKey)))
                {
                    continue;
                }
                foreach (var day in v.Days)
                {
                    entries.Add((place, advertiserKeyByAd[ad.Index], day, ad.Id, kind));
                }
            }
        }

        var result = new SortedDictionary<long, List<ResultStay>>();
        foreach (var byPlace in entries.GroupBy(e => e.Place))
        {
            var stays = new List<ResultStay>();
            foreach (var byAdvertiser in byPlace.GroupBy(e => e.Advertiser))
            {
                stays.AddRange(Cut(byAdvertiser.Key, [.. byAdvertiser.OrderBy(e => e.Day)]));
            }
            result[byPlace.Key] = [.. stays.OrderBy(s => s.StartDay).ThenBy(s => s.AdvertiserKey, StringComparer.Ordinal)];
        }
        return result;
    }

    private static (long, int)? Unique(IEnumerable<long> places, int kind)
    {
        long? found = null;
        foreach (var place in places)
        {
            if (found is null)
            {
                found = place;
            }
            else if (found != place)
            {
                return null;
            }
        }
        return found is { } p ? (p, kind) : null;
    }

    private IEnumerable<ResultStay> Cut(string advertiser, List<(long Place, string Advertiser, int Day, long AdId, int Kind)> sorted)
    {
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i].Day - sorted[i - 1].Day - 1 > options.GapToleranceDays)
            {
                var part = sorted.GetRange(start, i - start);
                var kind = part.Min(e => e.Kind);
                yield return new ResultStay(advertiser, part[0].Day, part[^1].Day, [.. part.Select(e => e.AdId).Distinct().Order()],
                    KindNames[kind], KindConfidence[kind]);
                start = i;
            }
        }
    }
}
