using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

public sealed class HammingIndexTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(10)]
    public void Near_FindsExactlyTheHashesWithinTheThreshold(int threshold)
    {
        var random = new Random(threshold);
        var hashes = Enumerable.Range(0, 400).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)).ToList();
        // Plant neighbours at distances around the threshold.
        var planted = Enumerable.Range(0, 40).Select(i => Flip(hashes[i], i % (threshold + 3), random)).ToList();
        var index = new HammingIndex(hashes.Concat(planted), threshold);

        foreach (var query in hashes.Take(60))
        {
            var expected = hashes.Concat(planted).Distinct().Where(h => HammingIndex.Distance(h, query) <= threshold).Order();
            index.Near(query).ShouldBe(expected);
        }
    }

    private static ulong Flip(ulong hash, int bits, Random random)
    {
        var positions = Enumerable.Range(0, 64).OrderBy(_ => random.Next()).Take(bits);
        return positions.Aggregate(hash, (h, p) => h ^ (1UL << p));
    }
}
