using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdWatch.Extraction;

/// <summary>
/// Turns a fetched ad image into the copy AdWatch keeps as evidence: decoded within the limits of
/// <see cref="ImageDecoding"/>, turned upright by its EXIF orientation, shrunk to at most
/// <see cref="ExtractionOptions.MaxStoredImageSide"/> pixels a side, flattened onto white and written as a JPEG (quality 85)
/// from the bare pixels, so no metadata of the original (EXIF with GPS position and camera serial, ICC, IPTC, XMP) can
/// survive. The same input always gives the same bytes, so a photo reused across ads is stored once. Stores nothing itself.
/// </summary>
public sealed class ImageReencoder
{
    private const string ContentType = "image/jpeg";
    private static readonly JpegEncoder Encoder = new() { Quality = 85 };

    private readonly Configuration _configuration;
    private readonly ExtractionOptions _options;

    public ImageReencoder(IOptions<ExtractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _configuration = ImageDecoding.Create(_options.MaxImagePixels);
    }

    /// <summary>The copy to keep of <paramref name="data"/>, or why there is none; never throws on hostile data.</summary>
    public ReencodedImage Reencode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            if (ImageDecoding.Refuse(_configuration, data, _options.MaxImagePixels) is { } refused)
            {
                return ReencodedImage.Failed(refused);
            }
            using var image = Image.Load<Rgba32>(_configuration, data);
            var side = _options.MaxStoredImageSide;
            image.Mutate(x =>
            {
                x.AutoOrient();
                if (image.Width > side || image.Height > side)
                {
                    x.Resize(new ResizeOptions { Size = new Size(side, side), Mode = ResizeMode.Max });
                }
                x.BackgroundColor(Color.White);
            });

            // A new image from the pixels alone: nothing of the original's metadata is copied, whatever the decoder kept.
            var pixels = new Rgb24[image.Width * image.Height];
            image.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = 0; x < row.Length; x++)
                    {
                        pixels[y * rows.Width + x] = new Rgb24(row[x].R, row[x].G, row[x].B);
                    }
                }
            });
            using var bare = Image.LoadPixelData<Rgb24>(_configuration, pixels, image.Width, image.Height);
            using var output = new MemoryStream();
            bare.SaveAsJpeg(output, Encoder);
            var bytes = output.ToArray();
            if (bytes.Length > _options.MaxStoredImageBytes)
            {
                return ReencodedImage.Failed(
                    $"re-encoded image is {bytes.Length} bytes, more than Extraction:MaxStoredImageBytes ({_options.MaxStoredImageBytes})");
            }
            return new ReencodedImage(bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), ContentType, bare.Width, bare.Height, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Decoders throw many types on crafted data (format, memory, index, argument); all mean "nothing to keep".
            return ReencodedImage.Failed("not a decodable image (" + e.GetType().Name + ")");
        }
    }
}

/// <summary>
/// A re-encoded ad image (<see cref="Bytes"/>, their SHA-256 in lower-case hex, type and size), or, when
/// <see cref="Problem"/> is set, why the image cannot be kept (and every other field is empty).
/// </summary>
public sealed record ReencodedImage(byte[] Bytes, string Sha256, string ContentType, int Width, int Height, string? Problem)
{
    public bool IsStored => Problem is null;

    public static ReencodedImage Failed(string problem) => new([], "", "", 0, 0, problem);
}
