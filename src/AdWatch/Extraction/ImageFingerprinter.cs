using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdWatch.Extraction;

/// <summary>
/// A 64-bit DCT perceptual hash (pHash) of an image, so ads that reuse a photo can be linked even after
/// re-encoding or resizing. Images are hostile: the header is read first and anything declaring more than
/// <see cref="ExtractionOptions.MaxImagePixels"/> is refused, only the first frame of animations is decoded,
/// allocations are capped, and undecodable data gives <c>null</c>, never an exception. The image is not kept.
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
        _configuration = CreateConfiguration(_maxPixels);
    }

    /// <summary>
    /// An ImageSharp configuration for hostile images: one thread, allocations capped at a few times the largest allowed
    /// frame, and only the first frame of GIF and TIFF animations decoded. Shared with <see cref="ImagePhoneReader"/>.
    /// </summary>
    internal static Configuration CreateConfiguration(long maxPixels)
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            // Several times the largest allowed RGBA frame; a decoder asking for more is being lied to.
            AllocationLimitMegabytes = (int)Math.Min(4_000, maxPixels * 4 * 3 / 1_048_576 + 64),
        });
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { DecodingMode = FrameDecodingMode.First });
        return configuration;
    }

    /// <summary>The pHash of <paramref name="data"/>, or null when it is not a decodable image within the limits.</summary>
    public ulong? Compute(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            var info = Image.Identify(_configuration, new MemoryStream(data, writable: false));
            if (info is null || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > _maxPixels)
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
