using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace AdWatch.Extraction;

/// <summary>
/// The one set of decoding limits for ad images, which are hostile: single-threaded, allocations capped at a few times the
/// largest allowed frame, only the first frame of animations, and a header check before any pixel is decoded, because a
/// 1 kB file can claim to be 100 000 × 100 000 pixels. The fingerprinter and the re-encoder share it.
/// </summary>
internal static class ImageDecoding
{
    /// <summary>An ImageSharp configuration that decodes within <paramref name="maxPixels"/>.</summary>
    public static Configuration Create(long maxPixels)
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

    /// <summary>Null when the header of <paramref name="data"/> declares a decodable image within the limits; else why not.</summary>
    public static string? Refuse(Configuration configuration, byte[] data, long maxPixels)
    {
        var info = Image.Identify(configuration, new MemoryStream(data, writable: false));
        if (info is null)
        {
            return "not a decodable image";
        }
        if (info.Width <= 0 || info.Height <= 0)
        {
            return "image has no pixels";
        }
        return (long)info.Width * info.Height > maxPixels
            ? $"image declares {info.Width} × {info.Height} pixels, more than Extraction:MaxImagePixels"
            : null;
    }
}
