using System.Globalization;
using System.Numerics;

namespace AdWatch.Extraction;

/// <summary>Comparing 64-bit perceptual image hashes (<see cref="ImageFingerprinter"/>).</summary>
public static class PerceptualHash
{
    /// <summary>Number of differing bits, 0..64.</summary>
    public static int HammingDistance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>
    /// True when two hashes differ in at most <paramref name="threshold"/> bits: the same photo re-encoded, resized,
    /// lightly cropped or recoloured. The threshold is configured (analysis <c>imageHammingThreshold</c>); unrelated
    /// photos are around 32 apart.
    /// </summary>
    public static bool IsSamePhoto(ulong a, ulong b, int threshold) => HammingDistance(a, b) <= threshold;

    /// <summary>16 lower-case hex digits, the stored form.</summary>
    public static string ToHex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="ToHex"/> output.</summary>
    public static ulong FromHex(string hex) => ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
