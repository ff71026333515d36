using System.Globalization;
using AdWatch.Geocoding;

namespace AdWatch.Analysis;

/// <summary>
/// Houses without an address. Most ads give only a town, and a house then shows only through what its advertisers share: a booking
/// phone (a phone in the ads of two or more different advertisers) or the same interior photos (pHash within
/// <see cref="AnalysisOptions.ImageHammingThreshold"/>, not a stock photo). Ads that attached to no location and name exactly one
/// town are joined when they share either; a group with two or more advertisers is an <b>unresolved location</b>, flagged by the
/// same rule as any other location.
/// <para>
/// Identity: a places row of precision <see cref="GeoPrecision.Unresolved"/> keyed <c>unr:{town}:{evidence}</c>. A group keeps the
/// stored place whose evidence key it still holds (so its flag and review status survive new ads and new evidence); when a group
/// holds the keys of several stored places (two groups grew together), the one with a recorded address, else the oldest, keeps its
/// identity and the others point to it (<see cref="AnalysisResult.Merged"/>). A new group is keyed by its first booking phone, else
/// its lowest photo hash; when a group splits, the part without the stored key becomes a new location. When an analyst recorded the
/// address of the place (<see cref="AnalysisInput.Resolutions"/>), the group's ads go to that address's location instead.
/// </para>
/// </summary>
internal sealed class UnresolvedLocations(AnalysisOptions options, AnalysisInput input, SharedHashes shared)
{
    public const string KeyPrefix = "unr:";

    public Found Find(IReadOnlyList<AdFacts> ads, List<(AdFacts Ad, VersionFacts V)> unattached, int[] advertiserByAd,
        IReadOnlyList<ResultAdvertiser> advertisers)
    {
        var found = new Found([], [], [], []);
        var firstAdvertiser = new Dictionary<long, int>();
        var bookingPhones = new HashSet<long>();
        foreach (var ad in ads)
        {
            foreach (var phone in ad.Phones)
            {
                if (!firstAdvertiser.TryAdd(phone, advertiserByAd[ad.Index]) && firstAdvertiser[phone] != advertiserByAd[ad.Index])
                {
                    bookingPhones.Add(phone);
                }
            }
        }

        var items = new List<Item>();
        foreach (var (ad, v) in unattached)
        {
            if (TownOf(v.Version) is { } town
                && (ad.Phones.Any(bookingPhones.Contains) || ad.Images.Any(h => !shared.Images.Contains(h))))
            {
                items.Add(new Item(ad, v, town.TownKey, town, advertiserByAd[ad.Index]));
            }
        }
        if (items.Count == 0)
        {
            return found;
        }

        var groups = new UnionFind(items.Count);
        var byPhone = new Dictionary<(string, long), int>();
        var byImage = new Dictionary<(string, ulong), int>();
        var photoShared = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            foreach (var phone in item.Ad.Phones.Where(bookingPhones.Contains))
            {
                if (!byPhone.TryAdd((item.Town, phone), i))
                {
                    groups.Union(i, byPhone[(item.Town, phone)]);
                }
            }
            foreach (var image in Images(item))
            {
                if (!byImage.TryAdd((item.Town, image), i))
                {
                    var other = byImage[(item.Town, image)];
                    groups.Union(i, other);
                    if (items[other].Advertiser != item.Advertiser)
                    {
                        photoShared.Add(i);
                    }
                }
            }
        }
        var index = new HammingIndex(byImage.Keys.Select(k => k.Item2).Distinct(), options.ImageHammingThreshold);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var image in Images(items[i]))
            {
                foreach (var near in index.Near(image))
                {
                    if (near != image && byImage.TryGetValue((items[i].Town, near), out var other))
                    {
                        groups.Union(i, other);
                        if (items[other].Advertiser != items[i].Advertiser)
                        {
                            photoShared.Add(i);
                        }
                    }
                }
            }
        }

        var stored = input.Places.Values.Where(p => p.Place.Precision == GeoPrecision.Unresolved).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var withPhotos = photoShared.Select(groups.Find).ToHashSet();
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(groups.Find).OrderBy(g => g.Min()))
        {
            var members = group.Select(i => items[i]).ToList();
            // An ad with only the booking number is evidence of the house, not one of its advertisers.
            var counted = members.Where(m => !advertisers[m.Advertiser].OperatorOnly).Select(m => m.Advertiser).Distinct().Count();
            if (counted < 2)
            {
                continue;
            }
            var town = members[0].Town;
            var phones = members.SelectMany(m => m.Ad.Phones.Where(bookingPhones.Contains)).Distinct()
                .Select(p => input.Phones[p].E164).Order(StringComparer.Ordinal).ToList();
            var images = members.SelectMany(Images).Distinct().Order().ToList();
            var evidence = phones.Select(p => "tel:" + p).Concat(images.Select(h => "img:" + h.ToString("x16", CultureInfo.InvariantCulture)))
                .Select(e => $"{KeyPrefix}{town}:{e}").ToList();
            var known = evidence.Select(stored.GetValueOrDefault).OfType<InputPlace>().Distinct()
                .OrderBy(p => input.Resolutions.ContainsKey(p.Id) ? 0 : 1).ThenBy(p => p.Id).ToList();
            var townPlace = members.GroupBy(m => m.TownPlace.TownLabel, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().First().TownPlace;
            var townLabel = townPlace.TownLabel;
            var place = known.FirstOrDefault() ?? new InputPlace(-(found.Places.Count + 1), evidence[0], AddressUnknown(townLabel).Dutch,
                new Place(GeoPrecision.Unresolved, Town: townLabel, MunicipalityCode: townPlace.Place.MunicipalityCode, InRegion: townPlace.Place.InRegion));
            if (place.Id < 0)
            {
                found.Places[place.Id] = place;
            }

            var adIds = members.Select(m => m.Ad.Id).Distinct().Order().ToList();
            var sharing = ReasonTexts.Shared(phones, withPhotos.Contains(group.Key));
            var target = input.Resolutions.TryGetValue(place.Id, out var address) && input.Places.ContainsKey(address) ? address : place.Id;
            foreach (var other in known.Skip(1))
            {
                found.Merged[other.Id] = target;
            }
            List<(AdFacts, VersionFacts, int)> entries = [.. members.Select(m => (m.Ad, m.V,
                target != place.Id ? StayBuilder.ResolutionKind : m.Ad.Phones.Any(bookingPhones.Contains) ? StayBuilder.PhoneKind : StayBuilder.ImageKind))];
            if (target != place.Id)
            {
                found.Merged[place.Id] = target;
                found.Clusters.Add(new Cluster(target, entries, ReasonTexts.Join("resolution", true, adIds,
                    StayBuilder.KindConfidenceOf(StayBuilder.ResolutionKind), AddressUnknown(townLabel))));
                continue;
            }
            var confidence = StayBuilder.KindConfidenceOf(entries.Min(e => e.Item3));
            found.Clusters.Add(new Cluster(place.Id, entries,
                ReasonTexts.Join("unresolved", true, adIds, confidence, (townLabel, townLabel), counted, sharing)));
            found.Reasons[place.Id] = ReasonTexts.Unresolved(new ReasonEvidence(adIds, [], phones), townLabel, counted, sharing);
        }
        return found;
    }

    /// <summary>How an unresolved location is named: never an address, only its town.</summary>
    private static (string Dutch, string English) AddressUnknown(string town) => ($"adres onbekend, {town}", $"address unknown, {town}");

    private IEnumerable<ulong> Images(Item item) => item.Ad.Images.Where(h => !shared.Images.Contains(h));

    /// <summary>The one town the version names (its places' town), or null when it names none or several.</summary>
    private InputPlace? TownOf(InputVersion v)
    {
        InputPlace? town = null;
        foreach (var id in v.PlaceIds)
        {
            if (input.Places.TryGetValue(id, out var p) && p.Place.Precision != GeoPrecision.Unresolved)
            {
                if (town is null)
                {
                    town = p;
                }
                else if (town.TownKey != p.TownKey)
                {
                    return null;
                }
            }
        }
        return town;
    }

    private sealed record Item(AdFacts Ad, VersionFacts V, string Town, InputPlace TownPlace, int Advertiser);

    /// <summary>The ads of one unresolved location (or of the address an analyst recorded for it) with how each is tied.</summary>
    public sealed record Cluster(long Target, IReadOnlyList<(AdFacts Ad, VersionFacts V, int Kind)> Members, LocationJoin Join);

    /// <summary>The groups; the new unresolved places (negative ids); the first reason per unresolved place; merged places.</summary>
    public sealed record Found(List<Cluster> Clusters, Dictionary<long, InputPlace> Places, Dictionary<long, FlagReason> Reasons,
        Dictionary<long, long> Merged);
}
