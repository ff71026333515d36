namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// One ad: a stable id, the sites it is published on, the day ranges it is online and its content versions by date.
/// Everything a site renders for the ad on a given simulated day is a function of this record and that day.
/// </summary>
public sealed record DemoAd
{
    /// <summary>Creates an ad; ranges and versions are sorted by date and must not be empty.</summary>
    public DemoAd(
        string id,
        string advertiserId,
        IReadOnlyList<DemoSiteKind> sites,
        IReadOnlyList<DemoDateRange> active,
        IReadOnlyList<DemoAdVersion> versions,
        DemoExpiryStyle expiry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            throw new ArgumentException($"Ad id '{id}' may only hold ASCII letters, digits and '-' (it is used in URLs).", nameof(id));
        if (sites.Count == 0) throw new ArgumentException($"Ad '{id}' is on no site.", nameof(sites));
        if (active.Count == 0) throw new ArgumentException($"Ad '{id}' has no active range.", nameof(active));
        if (versions.Count == 0) throw new ArgumentException($"Ad '{id}' has no content version.", nameof(versions));
        if (active.Any(r => r.Last < r.First)) throw new ArgumentException($"Ad '{id}' has a range that ends before it starts.", nameof(active));

        Id = id;
        AdvertiserId = advertiserId;
        Sites = sites.Distinct().ToArray();
        Active = active.OrderBy(r => r.First).ToArray();
        Versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        Expiry = expiry;
    }

    /// <summary>Stable id used in URLs (/advertentie/{id}, /ad/{id}).</summary>
    public string Id { get; }

    /// <summary>Id of the <see cref="DemoAdvertiser"/> behind the ad (ground truth).</summary>
    public string AdvertiserId { get; }

    /// <summary>Sites the ad is published on.</summary>
    public IReadOnlyList<DemoSiteKind> Sites { get; }

    /// <summary>Day ranges the ad is online, sorted; a gap means the ad disappears and comes back.</summary>
    public IReadOnlyList<DemoDateRange> Active { get; }

    /// <summary>Content versions sorted by <see cref="DemoAdVersion.EffectiveFrom"/>.</summary>
    public IReadOnlyList<DemoAdVersion> Versions { get; }

    /// <summary>How the detail URL answers when the ad is offline after having been online.</summary>
    public DemoExpiryStyle Expiry { get; }

    /// <summary>First day the ad is online.</summary>
    public DateOnly FirstDay => Active[0].First;

    /// <summary>Last day the ad is online.</summary>
    public DateOnly LastDay => Active[^1].Last;

    /// <summary>True when the ad is published on <paramref name="site"/>.</summary>
    public bool IsOn(DemoSiteKind site) => Sites.Contains(site);

    /// <summary>State of the ad on <paramref name="date"/>.</summary>
    public DemoAdStatus StatusOn(DateOnly date)
    {
        if (date < FirstDay) return DemoAdStatus.NotYetOnline;
        foreach (var range in Active)
            if (range.Contains(date)) return DemoAdStatus.Online;
        return DemoAdStatus.Offline;
    }

    /// <summary>The content shown on <paramref name="date"/> (the first version before it starts).</summary>
    public DemoAdVersion VersionOn(DateOnly date)
    {
        var current = Versions[0];
        foreach (var version in Versions)
        {
            if (version.EffectiveFrom > date) break;
            current = version;
        }
        return current;
    }

    /// <summary>Index of <see cref="VersionOn"/> in <see cref="Versions"/>; changes exactly when the content changes.</summary>
    public int VersionIndexOn(DateOnly date)
    {
        var index = 0;
        for (var i = 0; i < Versions.Count && Versions[i].EffectiveFrom <= date; i++) index = i;
        return index;
    }
}
