namespace AdWatch.Analysis;

/// <summary>
/// Ties ads to locations and cuts each advertiser's days at a location into stays. Places nest: address ⊂ postcode ⊂ street ⊂
/// town. An ad naming an address counts there fully. An ad whose finest place is a postcode or a street joins the <b>one</b>
/// address inside it where its advertiser, one of its phones or one of its photos was seen within
/// <see cref="AnalysisOptions.AttachWindowDays"/>; with no such address, or with two, it stays at its own postcode or street (two
/// house numbers in one postcode are never merged). An ad without any such place attaches only through a strong link to exactly one
/// location — a phone that advertised that address within the window, the same photo, or the same template — each with its own,
/// lower confidence. What is left, ads giving only a town, becomes an <see cref="UnresolvedLocations">unresolved location</see>
/// where advertisers in one town share a booking phone or interior photos. A stock photo or boilerplate text (on more than
/// <see cref="AnalysisOptions.MaxSharedHashAds"/> ads) ties nothing to a place.
/// </summary>
internal sealed class StayBuilder(AnalysisOptions options, AnalysisInput input, SharedHashes shared)
{
    // Strongest first: a stay's kind is the strongest tie among its ads.
    private static readonly string[] KindNames = ["address", "advertiser", "resolution", "phone", "image", "template"];
    private static readonly double[] KindConfidence = [1.0, 0.9, 0.9, 0.8, 0.7, 0.6];
    internal const int AddressKind = 0, AdvertiserKind = 1, ResolutionKind = 2, PhoneKind = 3, ImageKind = 4, TemplateKind = 5;

    public static string KindName(int kind) => KindNames[kind];

    public static double KindConfidenceOf(int kind) => KindConfidence[kind];

    /// <summary>
    /// Stays per location place id, each list ordered by start day and advertiser key; the unresolved places the run inferred
    /// (new ones with negative ids, until the writer stores them), the identity decisions per place, and the unresolved places
    /// whose evidence now lies elsewhere.
    /// </summary>
    public Built Build(IReadOnlyList<AdFacts> ads, int[] advertiserByAd, IReadOnlyList<ResultAdvertiser> advertisers)
    {
        var entries = new List<Entry>();
        var joins = new Joins();
        var phoneSpans = new Dictionary<long, List<Span>>();
        // What ads naming an address show at it; only these decide where a coarser writing belongs, so the order of ads never does.
        var advertiserSpans = new Dictionary<int, List<Span>>();
        var addressPhoneSpans = new Dictionary<long, List<Span>>();
        var imageSpans = new Dictionary<ulong, List<Span>>();
        var imagePlaces = new Dictionary<ulong, SortedSet<long>>();
        var textPlaces = new Dictionary<ulong, SortedSet<long>>();
        var coarse = new List<(AdFacts Ad, VersionFacts V)>();
        var houses = HouseAliases();
        var sameHouse = new SortedDictionary<(long House, long Written), SortedSet<long>>();
        foreach (var ad in ads)
        {
            foreach (var v in ad.Versions.Where(v => v.LocationPlaceIds.Length > 0))
            {
                if (!v.LocationPlaceIds.Any(IsAddress))
                {
                    coarse.Add((ad, v));
                    continue;
                }
                foreach (var written in v.LocationPlaceIds)
                {
                    var place = written;
                    if (houses.TryGetValue(written, out var house))
                    {
                        place = house;
                        (sameHouse.TryGetValue((house, written), out var set) ? set : sameHouse[(house, written)] = []).Add(ad.Id);
                    }
                    AddAt(place, AddressKind, ad, v);
                    if (IsAddress(place))
                    {
                        var span = new Span(v.Days[0], v.Days[^1], place);
                        Add(advertiserSpans, advertiserByAd[ad.Index], span);
                        foreach (var phone in ad.Phones)
                        {
                            Add(addressPhoneSpans, phone, span);
                        }
                        foreach (var image in ad.Images.Where(h => !shared.Images.Contains(h)))
                        {
                            Add(imageSpans, image, span);
                        }
                    }
                }
            }
        }

        foreach (var ((house, written), joined) in sameHouse)
        {
            joins.Add(house, ReasonTexts.Join("house", true, [.. joined], KindConfidence[AddressKind],
                ($"postcode en huisnummer {input.Places[written].Label}", $"postcode and house number {input.Places[written].Label}")));
        }

        // Postcode- and street-only writings: joined to the one house inside them their advertiser, phone or photo points at.
        var addressImages = new HammingIndex(imageSpans.Keys, options.ImageHammingThreshold);
        foreach (var (ad, v) in coarse)
        {
            var places = v.LocationPlaceIds.Select(id => input.Places[id]).ToArray();
            var candidates = new SortedDictionary<long, (int Kind, string Via)>();
            void Consider(Span s, int kind, string via)
            {
                if (s.First - options.AttachWindowDays <= v.Days[^1] && v.Days[0] <= s.Last + options.AttachWindowDays
                    && input.Places[s.Place] is var house && places.All(p => Contains(p, house)) && SameTown(v.Version, house.TownKey))
                {
                    if (!candidates.TryGetValue(s.Place, out var best) || kind < best.Kind || (kind == best.Kind && string.CompareOrdinal(via, best.Via) < 0))
                    {
                        candidates[s.Place] = (kind, via);
                    }
                }
            }
            var advertiser = advertiserByAd[ad.Index];
            foreach (var s in advertiserSpans.GetValueOrDefault(advertiser) ?? [])
            {
                Consider(s, AdvertiserKind, advertisers[advertiser].Label);
            }
            foreach (var phone in ad.Phones)
            {
                foreach (var s in addressPhoneSpans.GetValueOrDefault(phone) ?? [])
                {
                    Consider(s, PhoneKind, input.Phones[phone].E164);
                }
            }
            foreach (var image in ad.Images.Where(h => !shared.Images.Contains(h)))
            {
                foreach (var near in addressImages.Near(image))
                {
                    foreach (var s in imageSpans[near])
                    {
                        Consider(s, ImageKind, "");
                    }
                }
            }
            var where = Where(places);
            if (candidates.Count == 1)
            {
                var (house, (kind, via)) = candidates.First();
                AddAt(house, kind, ad, v);
                joins.Add(house, kind, v.LocationPlaceIds, where, via, 1, ad.Id);
                continue;
            }
            foreach (var place in v.LocationPlaceIds)
            {
                AddAt(place, AddressKind, ad, v);
            }
            if (candidates.Count > 1)
            {
                var labels = string.Join("; ", candidates.Keys.Select(id => input.Places[id].Label));
                foreach (var target in candidates.Keys.Concat(v.LocationPlaceIds))
                {
                    joins.Add(target, -1, v.LocationPlaceIds, where, labels, candidates.Count, ad.Id);
                }
            }
        }

        var imageIndex = new HammingIndex(imagePlaces.Keys, options.ImageHammingThreshold);
        var textIndex = new HammingIndex(textPlaces.Keys, options.TextHammingThreshold);
        var unattached = new List<(AdFacts Ad, VersionFacts V)>();
        foreach (var ad in ads)
        {
            foreach (var v in ad.Versions.Where(v => v.LocationPlaceIds.Length == 0))
            {
                var phonePlaces = ad.Phones.SelectMany(p => phoneSpans.GetValueOrDefault(p) ?? [])
                    .Where(s => s.First - options.AttachWindowDays <= v.Days[^1] && v.Days[0] <= s.Last + options.AttachWindowDays)
                    .Select(s => s.Place);
                var imageMatches = ad.Images.Where(h => !shared.Images.Contains(h)).SelectMany(h => imageIndex.Near(h)).SelectMany(h => imagePlaces[h]);
                var textMatches = v.Version.TextHash is { } t && !shared.Texts.Contains(t) ? textIndex.Near(t).SelectMany(h => textPlaces[h]) : [];
                var (place, kind) = Unique(phonePlaces, PhoneKind) ?? Unique(imageMatches, ImageKind) ?? Unique(textMatches, TemplateKind) ?? (0, -1);
                // An ad that names another town is not at a house in this one, whatever its phone did elsewhere.
                if (kind < 0 || NamesAnotherTown(v.Version, input.Places[place].TownKey))
                {
                    unattached.Add((ad, v));
                    continue;
                }
                foreach (var day in v.Days)
                {
                    entries.Add(new Entry(place, day, ad.Id, kind) { Advertiser = advertiserByAd[ad.Index] });
                }
            }
        }

        var unresolved = new UnresolvedLocations(options, input, shared).Find(ads, unattached, advertiserByAd, advertisers);
        foreach (var cluster in unresolved.Clusters)
        {
            foreach (var (ad, v, kind) in cluster.Members)
            {
                foreach (var day in v.Days)
                {
                    entries.Add(new Entry(cluster.Target, day, ad.Id, kind) { Advertiser = advertiserByAd[ad.Index] });
                }
            }
            joins.Add(cluster.Target, cluster.Join);
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
                stays.AddRange(Cut(new ArraySegment<Entry>(sorted, start, i - start), advertisers));
                start = i;
            }
        }
        foreach (var stays in result.Values)
        {
            stays.Sort((a, b) => a.StartDay != b.StartDay ? a.StartDay.CompareTo(b.StartDay) : string.CompareOrdinal(a.AdvertiserKey, b.AdvertiserKey));
        }
        return new Built(result, unresolved.Places, joins.Build(options.AttachWindowDays), unresolved.Reasons, unresolved.Merged);

        void AddAt(long place, int kind, AdFacts ad, VersionFacts v)
        {
            foreach (var day in v.Days)
            {
                entries.Add(new Entry(place, day, ad.Id, kind) { Advertiser = advertiserByAd[ad.Index] });
            }
            foreach (var phone in ad.Phones)
            {
                Add(phoneSpans, phone, new Span(v.Days[0], v.Days[^1], place));
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

    /// <summary>
    /// Addresses written as postcode and house number without a street ("pc 3841 AB nr 12") mapped to the one address with a
    /// street in the same PC6, house number (with addition) and town: a PC6 and a house number name one address in the BAG, so
    /// this is the same house, not an inference. Two different streets with that postcode and number (a typo in one of them)
    /// are two candidates: the writing then stays its own location.
    /// </summary>
    private Dictionary<long, long> HouseAliases()
    {
        static string Number(InputPlace p) => p.Key[(p.Key.LastIndexOf(':') + 1)..];
        var withStreet = new Dictionary<(string Postcode, string Number, string Town), SortedSet<long>>();
        var postcodeOnly = new List<InputPlace>();
        foreach (var p in input.Places.Values)
        {
            if (p.Place.Precision != Geocoding.GeoPrecision.Address || p.Place.Postcode is not { Length: 6 } postcode)
            {
                continue;
            }
            if (p.Place.Street is null)
            {
                postcodeOnly.Add(p);
            }
            else
            {
                var key = (postcode, Number(p), p.TownKey);
                (withStreet.TryGetValue(key, out var set) ? set : withStreet[key] = []).Add(p.Id);
            }
        }
        var aliases = new Dictionary<long, long>();
        foreach (var p in postcodeOnly)
        {
            if (withStreet.TryGetValue((p.Place.Postcode!, Number(p), p.TownKey), out var streets)
                && streets.Select(id => input.Places[id].Key).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                aliases[p.Id] = streets.Min;
            }
        }
        return aliases;
    }

    private static void Add<TKey>(Dictionary<TKey, List<Span>> map, TKey key, Span span) where TKey : notnull =>
        (map.TryGetValue(key, out var list) ? list : map[key] = []).Add(span);

    private bool IsAddress(long place) => input.Places[place].Place.Precision == Geocoding.GeoPrecision.Address;

    /// <summary>Whether a house lies inside a coarser place: the same PC6 (or PC4), or the same street in the same town.</summary>
    private static bool Contains(InputPlace coarse, InputPlace house) => coarse.Place.Precision switch
    {
        Geocoding.GeoPrecision.Postcode => coarse.Place.Postcode is { } pc && house.Place.Postcode is { } hpc
            && (pc.Length == 6 ? hpc == pc : hpc.StartsWith(pc, StringComparison.Ordinal)) && coarse.TownKey == house.TownKey,
        Geocoding.GeoPrecision.Street => coarse.Place.Street is { } street && house.Place.Street is { } hs
            && Extraction.AddressNormalizer.StreetKey(street) == Extraction.AddressNormalizer.StreetKey(hs) && coarse.TownKey == house.TownKey,
        _ => false,
    };

    /// <summary>Every place the version names lies in the house's town: an ad naming two towns joins no house.</summary>
    private bool SameTown(InputVersion v, string town) =>
        v.PlaceIds.All(id => !input.Places.TryGetValue(id, out var p) || p.TownKey == town);

    /// <summary>How the coarse places of an ad are shown: (Dutch, English), e.g. "postcode 3841 AB Harderwijk".</summary>
    private static (string Dutch, string English) Where(InputPlace[] places) => (
        string.Join(" en ", places.Select(p => (p.Place.Precision == Geocoding.GeoPrecision.Street ? "straat " : "postcode ") + p.Label)),
        string.Join(" and ", places.Select(p => (p.Place.Precision == Geocoding.GeoPrecision.Street ? "street " : "postcode ") + p.Label)));

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

    private IEnumerable<ResultStay> Cut(ArraySegment<Entry> sorted, IReadOnlyList<ResultAdvertiser> advertisers)
    {
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || sorted[i].Day - sorted[i - 1].Day - 1 > options.GapToleranceDays)
            {
                var part = sorted.Slice(start, i - start);
                var kind = part.Min(e => e.Kind);
                yield return new ResultStay(advertisers[part[0].Advertiser].Key, part[0].Day, part[^1].Day, [.. part.Select(e => e.AdId).Distinct().Order()],
                    KindNames[kind], KindConfidence[kind]);
                start = i;
            }
        }
    }

    private readonly record struct Span(int First, int Last, long Place);

    /// <summary>What <see cref="Build"/> found.</summary>
    public sealed record Built(
        SortedDictionary<long, List<ResultStay>> Stays,
        IReadOnlyDictionary<long, InputPlace> Unresolved,
        IReadOnlyDictionary<long, List<LocationJoin>> Joins,
        IReadOnlyDictionary<long, FlagReason> Reasons,
        IReadOnlyDictionary<long, long> Merged);

    /// <summary>Identity decisions gathered per place and grouped by (kind, coarse places, via), each ad counted once.</summary>
    private sealed class Joins
    {
        private readonly SortedDictionary<long, SortedDictionary<string, Group>> _groups = [];
        private readonly Dictionary<long, List<LocationJoin>> _ready = [];

        /// <summary>A coarse ad joined to <paramref name="place"/> (kind ≥ 0) or kept from it: ambiguous, kind -1.</summary>
        public void Add(long place, int kind, long[] coarse, (string Dutch, string English) where, string via, int candidates, long adId)
        {
            if (!_groups.TryGetValue(place, out var groups))
            {
                _groups[place] = groups = new SortedDictionary<string, Group>(StringComparer.Ordinal);
            }
            var key = $"{kind}|{string.Join(",", coarse)}|{via}";
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(kind, where, via, candidates);
            }
            group.Ads.Add(adId);
        }

        public void Add(long place, LocationJoin join) =>
            (_ready.TryGetValue(place, out var list) ? list : _ready[place] = []).Add(join);

        public Dictionary<long, List<LocationJoin>> Build(int windowDays)
        {
            var result = new Dictionary<long, List<LocationJoin>>();
            foreach (var (place, groups) in _groups)
            {
                result[place] = [.. groups.Values.Select(g => g.Kind < 0
                    ? ReasonTexts.Join("ambiguous", false, [.. g.Ads], 0, g.Where, g.Candidates, g.Via)
                    : ReasonTexts.Join(KindNames[g.Kind], true, [.. g.Ads], KindConfidence[g.Kind], g.Where, g.Via, windowDays))];
            }
            foreach (var (place, list) in _ready)
            {
                (result.TryGetValue(place, out var existing) ? existing : result[place] = []).AddRange(list);
            }
            return result;
        }

        private sealed record Group(int Kind, (string Dutch, string English) Where, string Via, int Candidates)
        {
            public SortedSet<long> Ads { get; } = [];
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
