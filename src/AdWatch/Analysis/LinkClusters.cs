namespace AdWatch.Analysis;

/// <summary>
/// How far one ad's influence reaches. Two ads are related when they share a usable phone, carry photo or text hashes within the
/// threshold of each other (however many ads carry them — a hash turning into stock is itself a change), or carry one name at one
/// place; a cluster is what this relation connects. Everything the engine decides about an ad depends only on ads of its
/// cluster: its advertiser (<see cref="AdvertiserLinker"/> joins only related ads, and its count rules count related ads), operator
/// phones (one phone), and where an address-less version attaches (<see cref="StayBuilder"/> looks only at related ads). A
/// location's flag depends only on the clusters with stays there. That is what lets an incremental run recompute the affected
/// clusters alone and still equal a full run; the relation may be wider than needed (then more is recomputed), never narrower.
/// </summary>
internal static class LinkClusters
{
    /// <summary>The link keys of one ad: usable phones, photo hashes, text hashes, and (place, name) pairs.</summary>
    public readonly record struct Keys(IEnumerable<long> Phones, IEnumerable<ulong> Images, IEnumerable<ulong> Texts,
        IEnumerable<(long Place, string Name)> Names);

    /// <summary>Stock photos and boilerplate texts: hashes carried by more than <paramref name="max"/> ads (each ad counted once).</summary>
    public sealed record SharedHashes(HashSet<ulong> Images, HashSet<ulong> Texts)
    {
        public static readonly SharedHashes None = new([], []);
    }

    /// <summary>Counts the ads carrying each photo and text hash; see <see cref="SharedHashes"/>.</summary>
    public static SharedHashes Shared(int count, Func<int, Keys> keysOf, int max)
    {
        var images = new Dictionary<ulong, int>();
        var texts = new Dictionary<ulong, int>();
        for (var i = 0; i < count; i++)
        {
            var keys = keysOf(i);
            foreach (var h in keys.Images.Distinct())
            {
                images[h] = images.GetValueOrDefault(h) + 1;
            }
            foreach (var h in keys.Texts.Distinct())
            {
                texts[h] = texts.GetValueOrDefault(h) + 1;
            }
        }
        return new([.. images.Where(kv => kv.Value > max).Select(kv => kv.Key)], [.. texts.Where(kv => kv.Value > max).Select(kv => kv.Key)]);
    }

    /// <summary>Joins related ads of <paramref name="count"/> ads into <paramref name="clusters"/> (indices 0..count-1).</summary>
    public static void Join(UnionFind clusters, int count, Func<int, Keys> keysOf, SharedHashes shared, int imageThreshold, int textThreshold)
    {
        var phones = new Dictionary<long, int>();
        var names = new Dictionary<(long, string), int>();
        var images = new Dictionary<ulong, int>();
        var texts = new Dictionary<ulong, int>();
        for (var i = 0; i < count; i++)
        {
            var keys = keysOf(i);
            foreach (var phone in keys.Phones)
            {
                First(phones, phone, i, clusters);
            }
            foreach (var name in keys.Names)
            {
                First(names, name, i, clusters);
            }
            foreach (var image in keys.Images.Where(h => !shared.Images.Contains(h)))
            {
                First(images, image, i, clusters);
            }
            foreach (var text in keys.Texts.Where(h => !shared.Texts.Contains(h)))
            {
                First(texts, text, i, clusters);
            }
        }
        Near(images, imageThreshold, clusters);
        Near(texts, textThreshold, clusters);
    }

    private static void First<T>(Dictionary<T, int> firstByKey, T key, int index, UnionFind clusters)
        where T : notnull
    {
        if (!firstByKey.TryAdd(key, index))
        {
            clusters.Union(firstByKey[key], index);
        }
    }

    private static void Near(Dictionary<ulong, int> firstByHash, int threshold, UnionFind clusters)
    {
        var index = new HammingIndex(firstByHash.Keys, threshold);
        foreach (var (hash, first) in firstByHash)
        {
            foreach (var near in index.Near(hash))
            {
                if (near > hash)
                {
                    clusters.Union(first, firstByHash[near]);
                }
            }
        }
    }
}
