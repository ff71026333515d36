namespace AdWatch.Analysis;

/// <summary>
/// Stock photos and boilerplate texts: hashes carried by more than <see cref="AnalysisOptions.MaxSharedHashAds"/> ads (each ad
/// counted once). They link no ads (<see cref="AdvertiserLinker"/>) and tie no ad to a place (<see cref="StayBuilder"/>).
/// </summary>
internal sealed record SharedHashes(HashSet<ulong> Images, HashSet<ulong> Texts)
{
    public static SharedHashes Of(IReadOnlyList<AdFacts> ads, int max)
    {
        var images = new Dictionary<ulong, int>();
        var texts = new Dictionary<ulong, int>();
        foreach (var ad in ads)
        {
            foreach (var h in ad.Images.Distinct())
            {
                images[h] = images.GetValueOrDefault(h) + 1;
            }
            foreach (var h in ad.Versions.Select(v => v.Version.TextHash).OfType<ulong>().Distinct())
            {
                texts[h] = texts.GetValueOrDefault(h) + 1;
            }
        }
        return new([.. images.Where(kv => kv.Value > max).Select(kv => kv.Key)], [.. texts.Where(kv => kv.Value > max).Select(kv => kv.Key)]);
    }
}

/// <summary>
/// Names that are a site's own wording: read on more than <see cref="AnalysisOptions.BoilerplateNameMaxAds"/> ads of one site and
/// on at least <see cref="AnalysisOptions.BoilerplateNameMinShare"/> of them ("Kontaktbord", "Escort Harderwijk"). Learned at
/// analysis time from everything stored, so a replay gives the same answer; such a name links, labels and separates nothing.
/// </summary>
internal sealed class BoilerplateNames
{
    private readonly Dictionary<(string Site, string Name), int> _boilerplate = [];

    private BoilerplateNames()
    {
    }

    public static BoilerplateNames Of(IReadOnlyList<InputAd> ads, AnalysisOptions options)
    {
        var result = new BoilerplateNames();
        var perName = new Dictionary<(string Site, string Name), int>();
        var perSite = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ad in ads)
        {
            if (ad.Site is not { } site)
            {
                continue;
            }
            perSite[site] = perSite.GetValueOrDefault(site) + 1;
            if (ad.Versions.Count == 1)
            {
                if (ad.Versions[0].Name is { } only)
                {
                    perName[(site, only)] = perName.GetValueOrDefault((site, only)) + 1;
                }
                continue;
            }
            // Each ad counts once per name, however many versions repeat it.
            foreach (var name in ad.Versions.Select(v => v.Name).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                perName[(site, name)] = perName.GetValueOrDefault((site, name)) + 1;
            }
        }
        foreach (var ((site, name), count) in perName)
        {
            if (count > options.BoilerplateNameMaxAds && count >= options.BoilerplateNameMinShare * perSite[site])
            {
                result._boilerplate[(site, name)] = count;
            }
        }
        return result;
    }

    /// <summary>On how many ads of <paramref name="site"/> the boilerplate <paramref name="name"/> was read; 0 when it is a real name.</summary>
    public int AdsWith(string? site, string? name) =>
        site is null || name is null || _boilerplate.Count == 0 ? 0 : _boilerplate.GetValueOrDefault((site, name));
}
