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
