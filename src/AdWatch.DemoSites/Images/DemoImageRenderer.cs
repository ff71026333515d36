using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdWatch.DemoSites.Images;

/// <summary>
/// Deterministic synthetic "photos": the same image id always gives the same PNG bytes, different ids give visibly
/// different patterns (colours, stripes, checks, rings) so perceptual hashes can tell them apart.
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
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var background = new Rgb24(seed[0], seed[1], seed[2]);
        var foreground = new Rgb24((byte)(255 - seed[0]), (byte)(seed[3] ^ 0x80), (byte)(255 - seed[2]));
        var pattern = seed[4] % 5;
        var period = 6 + seed[5] % 18;
        var centreX = seed[6] % Width;
        var centreY = seed[7] % Height;

        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var on = pattern switch
                    {
                        0 => x / period % 2 == 0,
                        1 => y / period % 2 == 0,
                        2 => (x + y) / period % 2 == 0,
                        3 => (x / period + y / period) % 2 == 0,
                        _ => (int)Math.Sqrt(((x - centreX) * (x - centreX)) + ((y - centreY) * (y - centreY))) / period % 2 == 0,
                    };
                    row[x] = on ? foreground : background;
                }
            }
        });
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }
}
