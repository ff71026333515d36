using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdWatch.DemoSites.Images;

/// <summary>
/// Deterministic synthetic "photos": the same image id always gives the same PNG bytes, different ids give visibly
/// different mosaics, so perceptual hashes can tell them apart.
/// </summary>
internal sealed class DemoImageRenderer
{
    public const int Width = 160;
    public const int Height = 120;
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public byte[] Png(string id) => _cache.GetOrAdd(id, Render);

    private static byte[] Render(string id)
    {
        // An 8×6 mosaic of seeded brightness blocks: perceptual hashes look at low frequencies only, so fine stripes would
        // all hash alike; coarse random blocks give unrelated hashes for different ids (≈32 of 64 bits apart).
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var random = new Random(BitConverter.ToInt32(seed, 0));
        var tint = new Rgb24(seed[4], seed[5], seed[6]);
        const int columns = 8, rowsOfBlocks = 6;
        var levels = new byte[columns * rowsOfBlocks];
        random.NextBytes(levels);

        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var level = levels[(y * rowsOfBlocks / Height * columns) + (x * columns / Width)];
                    row[x] = new Rgb24((byte)((level * 3 + tint.R) / 4), (byte)((level * 3 + tint.G) / 4), (byte)((level * 3 + tint.B) / 4));
                }
            }
        });
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }
}
