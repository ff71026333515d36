using System.Globalization;
using System.Numerics;

namespace AdWatch.Extraction;

/// <summary>Comparing 64-bit perceptual image hashes (<see cref="ImageFingerprinter"/>).</summary>
public static class PerceptualHash
{
    /// <summary>
    /// Distances at or below this are the same photo (re-encoded, resized, lightly cropped or recoloured); the
    /// usual pHash threshold. Unrelated photos are around 32.
    /// </summary>
    public const int SamePhotoThreshold = 10;

    /// <summary>Number of differing bits, 0..64.</summary>
    public static int HammingDistance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>True when two hashes are close enough to be the same photo.</summary>
    public static bool IsSamePhoto(ulong a, ulong b) => HammingDistance(a, b) <= SamePhotoThreshold;

    /// <summary>16 lower-case hex digits, the stored form.</summary>
    public static string ToHex(ulong hash) => hash.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="ToHex"/> output.</summary>
    public static ulong FromHex(string hex) => ulong.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
