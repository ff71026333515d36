using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdWatch.Extraction;

/// <summary>
/// A 64-bit DCT perceptual hash (pHash) of an image, so ads that reuse a photo can be linked even after
/// re-encoding or resizing. Images are hostile: the header is read first and anything declaring more than
/// <see cref="ExtractionOptions.MaxImagePixels"/> is refused, only the first frame of animations is decoded,
/// allocations are capped (<see cref="ImageDecoding"/>), and undecodable data gives <c>null</c>, never an exception. It keeps
/// nothing: the copy kept as evidence is <see cref="ImageReencoder"/>'s.
/// </summary>
public sealed class ImageFingerprinter
{
    private const int Size = 32;
    private const int Low = 8;
    private static readonly double[,] Cosines = BuildCosines();

    private readonly Configuration _configuration;
    private readonly long _maxPixels;

    public ImageFingerprinter(IOptions<ExtractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maxPixels = options.Value.MaxImagePixels;
        _configuration = ImageDecoding.Create(_maxPixels);
    }

    /// <summary>The pHash of <paramref name="data"/>, or null when it is not a decodable image within the limits.</summary>
    public ulong? Compute(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            if (ImageDecoding.Refuse(_configuration, data, _maxPixels) is not null)
            {
                return null;
            }

            using var image = Image.Load<L8>(_configuration, data);
            image.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(Size, Size), Mode = ResizeMode.Stretch }));
            return Hash(image);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Decoders throw many types on crafted data (format, memory, index, argument); all mean "no fingerprint".
            return null;
        }
    }

    private static ulong Hash(Image<L8> image)
    {
        // Separable DCT-II, computing only the 8 × 8 lowest frequencies that the hash uses.
        var rows = new double[Size, Low];
        for (var y = 0; y < Size; y++)
        {
            for (var u = 0; u < Low; u++)
            {
                double sum = 0;
                for (var x = 0; x < Size; x++)
                {
                    sum += image[x, y].PackedValue * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        Span<double> low = stackalloc double[Low * Low];
        for (var v = 0; v < Low; v++)
        {
            for (var u = 0; u < Low; u++)
            {
                double sum = 0;
                for (var y = 0; y < Size; y++)
                {
                    sum += rows[y, u] * Cosines[v, y];
                }

                low[v * Low + u] = sum;
            }
        }

        Span<double> sorted = stackalloc double[Low * Low];
        low.CopyTo(sorted);
        sorted.Sort();
        var median = (sorted[31] + sorted[32]) / 2;
        ulong hash = 0;
        for (var i = 0; i < Low * Low; i++)
        {
            if (low[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    private static double[,] BuildCosines()
    {
        var table = new double[Low, Size];
        for (var u = 0; u < Low; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                table[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
            }
        }

        return table;
    }
}
