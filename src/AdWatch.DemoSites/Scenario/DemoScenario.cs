using System.Collections.Concurrent;

namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// Pure, deterministic data behind the demo sites: advertisers (ground truth) and their ads. What a site serves on a simulated
/// day is a function of the scenario and that day only. New scenarios are new factories (e.g. a Harderwijk-2023 replay)
/// that end in <see cref="Create"/>.
/// </summary>
public sealed class DemoScenario
{
    private readonly Dictionary<string, DemoAd> _adsById;
    private readonly ConcurrentDictionary<(DateOnly, DemoSiteKind), DemoAd[]> _listingCache = new();

    private DemoScenario(string name, DateOnly startDate, int days, IReadOnlyList<DemoAdvertiser> advertisers, IReadOnlyList<DemoAd> ads)
    {
        Name = name;
        StartDate = startDate;
        Days = days;
        Advertisers = advertisers;
        Ads = ads;
        _adsById = new Dictionary<string, DemoAd>(StringComparer.Ordinal);
        foreach (var ad in ads)
            if (!_adsById.TryAdd(ad.Id, ad)) throw new ArgumentException($"Duplicate ad id '{ad.Id}' in scenario '{name}'.", nameof(ads));
    }

    /// <summary>Scenario name, e.g. "generated-42".</summary>
    public string Name { get; }

    /// <summary>First simulated day.</summary>
    public DateOnly StartDate { get; }

    /// <summary>Number of simulated days.</summary>
    public int Days { get; }

    /// <summary>Last simulated day (inclusive).</summary>
    public DateOnly EndDate => StartDate.AddDays(Days - 1);

    /// <summary>Ground truth: who is behind the ads.</summary>
    public IReadOnlyList<DemoAdvertiser> Advertisers { get; }

    /// <summary>Every ad, in id order.</summary>
    public IReadOnlyList<DemoAd> Ads { get; }

    /// <summary>Builds a scenario from hand-made or generated data.</summary>
    public static DemoScenario Create(string name, DateOnly startDate, int days, IReadOnlyList<DemoAdvertiser> advertisers, IReadOnlyList<DemoAd> ads)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new DemoScenario(name, startDate, days, advertisers, ads.OrderBy(a => a.Id, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// A seeded random scenario: the same arguments always give the same ads. Ads start on random days, stay 1–14 days,
    /// sometimes come back, change content mid-stay, and write their phone in varied (obfuscated) styles.
    /// </summary>
    public static DemoScenario Generate(int seed, int adCount, DateOnly startDate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(adCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var (advertisers, ads) = new DemoScenarioGenerator(seed, startDate, days).Generate(adCount);
        return Create($"generated-{seed}", startDate, days, advertisers, ads);
    }

    /// <summary>The ad with <paramref name="id"/>, or null.</summary>
    public DemoAd? FindAd(string id) => _adsById.GetValueOrDefault(id);

    /// <summary>
    /// Ads online on <paramref name="site"/> on <paramref name="date"/>, in listing order: newest posted first, then by id;
    /// on Lantaarn newest <see cref="DemoBumps.BumpedAt"/> first (paid re-dating), then by id.
    /// </summary>
    public IReadOnlyList<DemoAd> Listing(DemoSiteKind site, DateOnly date) =>
        _listingCache.GetOrAdd((date, site), key =>
        {
            var online = Ads.Where(a => a.IsOn(key.Item2) && a.StatusOn(key.Item1) == DemoAdStatus.Online);
            var ordered = key.Item2 == DemoSiteKind.Lantaarn
                ? online.OrderByDescending(a => DemoBumps.BumpedAt(a, key.Item1))
                : online.OrderByDescending(a => a.VersionOn(key.Item1).Posted);
            return ordered.ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
        });
}
