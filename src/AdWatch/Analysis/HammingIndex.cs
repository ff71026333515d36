using System.Numerics;

namespace AdWatch.Analysis;

/// <summary>
/// Finds 64-bit hashes within a Hamming distance without comparing every pair. The bits are cut into threshold+1 bands;
/// by the pigeonhole principle two hashes that differ in at most threshold bits agree exactly on at least one band,
/// so only hashes sharing a band value are compared.
/// </summary>
internal sealed class HammingIndex
{
    private readonly int _threshold;
    private readonly (int Shift, ulong Mask)[] _bands;
    private readonly Dictionary<(int Band, ulong Value), List<ulong>> _buckets = [];

    public HammingIndex(IEnumerable<ulong> hashes, int threshold)
    {
        _threshold = threshold;
        var count = threshold + 1;
        _bands = new (int, ulong)[count];
        var shift = 0;
        for (var i = 0; i < count; i++)
        {
            var width = 64 / count + (i < 64 % count ? 1 : 0);
            _bands[i] = (shift, width == 64 ? ulong.MaxValue : ((1UL << width) - 1) << shift);
            shift += width;
        }
        foreach (var hash in hashes.Distinct())
        {
            for (var b = 0; b < _bands.Length; b++)
            {
                var key = (b, hash & _bands[b].Mask);
                if (!_buckets.TryGetValue(key, out var list))
                {
                    _buckets[key] = list = [];
                }
                list.Add(hash);
            }
        }
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>Every indexed hash within the threshold of <paramref name="hash"/>, itself included when indexed; ascending.</summary>
    public IReadOnlyList<ulong> Near(ulong hash)
    {
        var found = new List<ulong>();
        for (var b = 0; b < _bands.Length; b++)
        {
            if (_buckets.TryGetValue((b, hash & _bands[b].Mask), out var list))
            {
                foreach (var candidate in list)
                {
                    if (Distance(candidate, hash) <= _threshold)
                    {
                        found.Add(candidate);
                    }
                }
            }
        }
        if (found.Count > 1)
        {
            found.Sort();
            return [.. found.Distinct()];
        }
        return found;
    }
}
