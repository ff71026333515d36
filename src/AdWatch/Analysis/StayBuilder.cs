namespace AdWatch.Analysis;

/// <summary>
/// Ties ads to locations and cuts each advertiser's days at a location into stays. An ad tied by its own address counts fully;
/// an ad without one attaches only through a strong link to exactly one location — a phone that advertised that address within
/// <see cref="AnalysisOptions.AttachWindowDays"/>, the same photo (an interior shot), or the same template with the address filled
/// in — each with its own, lower confidence. Anything ambiguous attaches nowhere, and a stock photo or boilerplate text (on more
/// than <see cref="AnalysisOptions.MaxSharedHashAds"/> ads) ties nothing to a place.
/// </summary>
internal sealed class StayBuilder(AnalysisOptions options, AnalysisInput input, SharedHashes shared)
{
    private static readonly string[] KindNames = ["address", "phone", "image", "template"];
    private static readonly double[] KindConfidence = [1.0, 0.8, 0.7, 0.6];

    /// <summary>Stays per location place id, each list ordered by start day and advertiser key.</summary>
    public SortedDictionary<long, List<ResultStay>> Build(IReadOnlyList<AdFacts> ads, int[] advertiserByAd, IReadOnlyList<string> advertiserKeys)
    {
        var entries = new List<Entry>();
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
                        entries.Add(new Entry(place, day, ad.Id, 0) { Advertiser = advertiserByAd[ad.Index] });
                    }
                    foreach (var phone in ad.Phones)
                    {
                        (phoneSpans.TryGetValue(phone, out var spans) ? spans : phoneSpans[phone] = []).Add((v.Days[0], v.Days[^1], place));
                    }
                    foreach (var image in ad.Images.Where(h => !shared.Images.Contains(h)))
                    {
                        (imagePlaces.TryGetValue(image, out var set) ? set : imagePlaces[image] = []).Add(place);
                    }
                    if (v.Version.TextHash is { } text && !shared.Texts.Contains(text))
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
                var phonePlaces = ad.Phones.SelectMany(p => phoneSpans.GetValueOrDefault(p) ?? [])
                    .Where(s => s.First - options.AttachWindowDays <= v.Days[^1] && v.Days[0] <= s.Last + options.AttachWindowDays)
                    .Select(s => s.Place);
                var imageMatches = ad.Images.Where(h => !shared.Images.Contains(h)).SelectMany(h => imageIndex.Near(h)).SelectMany(h => imagePlaces[h]);
                var textMatches = v.Version.TextHash is { } t && !shared.Texts.Contains(t) ? textIndex.Near(t).SelectMany(h => textPlaces[h]) : [];
                var (place, kind) = Unique(phonePlaces, 1) ?? Unique(imageMatches, 2) ?? Unique(textMatches, 3) ?? (0, -1);
                // An ad that names another town is not at a house in this one, whatever its phone did elsewhere.
                if (kind < 0 || NamesAnotherTown(v.Version, input.Places[place].TownKey))
                {
                    continue;
                }
                foreach (var day in v.Days)
                {
                    entries.Add(new Entry(place, day, ad.Id, kind) { Advertiser = advertiserByAd[ad.Index] });
                }
            }
        }

        // One sort by (place, advertiser, day) and a linear scan: no per-group allocations for a million entries.
        var sorted = entries.ToArray();
        entries.Clear();
        Array.Sort(sorted);
        var result = new SortedDictionary<long, List<ResultStay>>();
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i].Place != sorted[start].Place || sorted[i].Advertiser != sorted[start].Advertiser)
            {
                if (!result.TryGetValue(sorted[start].Place, out var stays))
                {
                    result[sorted[start].Place] = stays = [];
                }
                stays.AddRange(Cut(new ArraySegment<Entry>(sorted, start, i - start), advertiserKeys));
                start = i;
            }
        }
        foreach (var stays in result.Values)
        {
            stays.Sort((a, b) => a.StartDay != b.StartDay ? a.StartDay.CompareTo(b.StartDay) : string.CompareOrdinal(a.AdvertiserKey, b.AdvertiserKey));
        }
        return result;
    }

    private bool NamesAnotherTown(InputVersion v, string town)
    {
        var named = false;
        foreach (var id in v.PlaceIds)
        {
            if (input.Places.TryGetValue(id, out var p))
            {
                if (p.TownKey == town)
                {
                    return false;
                }
                named = true;
            }
        }
        return named;
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

    private IEnumerable<ResultStay> Cut(ArraySegment<Entry> sorted, IReadOnlyList<string> advertiserKeys)
    {
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i].Day - sorted[i - 1].Day - 1 > options.GapToleranceDays)
            {
                var part = sorted.Slice(start, i - start);
                var kind = part.Min(e => e.Kind);
                yield return new ResultStay(advertiserKeys[part[0].Advertiser], part[0].Day, part[^1].Day, [.. part.Select(e => e.AdId).Distinct().Order()],
                    KindNames[kind], KindConfidence[kind]);
                start = i;
            }
        }
    }

    /// <summary>An ad active at a place on a day; sorts by place, advertiser, day, ad.</summary>
    private readonly record struct Entry(long Place, int Day, long AdId, int Kind) : IComparable<Entry>
    {
        /// <summary>Index of the advertiser in the engine's advertiser list.</summary>
        public int Advertiser { get; init; }

        public int CompareTo(Entry other)
        {
            var c = Place.CompareTo(other.Place);
            if (c == 0)
            {
                c = Advertiser.CompareTo(other.Advertiser);
            }
            if (c == 0)
            {
                c = Day.CompareTo(other.Day);
            }
            return c != 0 ? c : AdId.CompareTo(other.AdId);
        }
    }
}
