namespace AdWatch.Analysis;

/// <summary>Look-ups the scorer and the touring detector share: an advertiser's phones, operator, towns by day; an ad's indicators.</summary>
internal sealed class AnalysisContext
{
    private readonly Dictionary<string, string[]> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResultOperator> _operators = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string[]> _indicators = [];

    public AnalysisContext(IReadOnlyList<ResultAdvertiser> advertisers, IReadOnlyList<ResultOperator> operators, IReadOnlyList<AdFacts> ads,
        string[] advertiserKeyByAd, AnalysisInput input, IReadOnlySet<string> region)
    {
        Region = region;
        foreach (var advertiser in advertisers)
        {
            _phones[advertiser.Key] = [.. advertiser.PhoneIds.Select(p => input.Phones[p].E164).Order(StringComparer.Ordinal)];
        }
        foreach (var op in operators)
        {
            foreach (var key in op.AdvertiserKeys)
            {
                _operators.TryAdd(key, op);
            }
        }
        var towns = new Dictionary<string, List<TownSpan>>(StringComparer.Ordinal);
        foreach (var ad in ads)
        {
            _indicators[ad.Id] = ad.Indicators;
            var key = advertiserKeyByAd[ad.Index];
            if (!towns.TryGetValue(key, out var list))
            {
                towns[key] = list = [];
            }
            foreach (var v in ad.Versions)
            {
                var places = v.Version.PlaceIds.Select(id => input.Places.GetValueOrDefault(id)).OfType<InputPlace>()
                    .DistinctBy(p => p.TownKey).ToList();
                // A version naming several towns at once ("regio Harderwijk, Ermelo en Putten") gives a service area, not a stop:
                // counting it would make one escort ad a tour of three towns.
                if (places.Count == 1)
                {
                    list.Add(new TownSpan(v.Days[0], v.Days[^1], places[0].TownKey, places[0].TownLabel, IsInRegion(places[0])));
                }
            }
        }
        foreach (var list in towns.Values)
        {
            list.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.Last != b.Last ? a.Last.CompareTo(b.Last) : string.CompareOrdinal(a.Town, b.Town));
        }
        Towns = towns;
        bool IsInRegion(InputPlace p) => p.Place.MunicipalityCode is { } code ? Region.Contains(code) : p.Place.InRegion;
    }

    /// <summary>The region's municipality codes.</summary>
    public IReadOnlySet<string> Region { get; }

    /// <summary>Per advertiser, the towns its ad versions named one at a time and when, ordered by first day.</summary>
    public IReadOnlyDictionary<string, List<TownSpan>> Towns { get; }

    public string[] PhonesOf(string advertiserKey) => _phones.GetValueOrDefault(advertiserKey) ?? [];

    public ResultOperator? OperatorOf(string advertiserKey) => _operators.GetValueOrDefault(advertiserKey);

    public string[] IndicatorsOf(long adId) => _indicators.GetValueOrDefault(adId) ?? [];

    /// <summary>Towns (key and label) other than <paramref name="exceptTown"/> the advertiser named between two days, inclusive.</summary>
    public List<(string Town, string Label)> TownsAround(string advertiserKey, int fromDay, int toDay, string exceptTown) =>
        [.. (Towns.GetValueOrDefault(advertiserKey) ?? []).Where(e => e.Overlaps(fromDay, toDay) && e.Town != exceptTown)
            .Select(e => (e.Town, e.Label)).Distinct()];

    /// <summary>
    /// The labels of <paramref name="towns"/>, each stop named once: a district written as "Lelystad-Centrum" is left out when
    /// its town "Lelystad" is listed too, if both lie in one municipality or the district is no known place (no municipality
    /// for it). Known towns of other municipalities never fold ("Bergen op Zoom" is not "Bergen").
    /// </summary>
    public static List<string> TownNames(IEnumerable<(string Town, string Label)> towns)
    {
        var named = towns.Distinct().ToList();
        return [.. named.Where(d => !named.Any(t => Geocoding.PlaceNames.IsDistrictOf(d.Label, t.Label)
                                                     && (d.Town == t.Town || d.Town.StartsWith(UnknownTownPrefix, StringComparison.Ordinal))))
            .Select(d => d.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The <see cref="InputPlace.TownKey"/> of a town without a municipality code.</summary>
    private const string UnknownTownPrefix = "place:";

}

/// <summary>An advertiser named a town from one day to another (the days of one ad version), inclusive.</summary>
internal readonly record struct TownSpan(int First, int Last, string Town, string Label, bool InRegion)
{
    public bool Overlaps(int from, int to) => First <= to && from <= Last;
}
