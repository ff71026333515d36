using System.Collections.Concurrent;
using SkiaSharp;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// Draws a phone number as a PNG (black DejaVu Sans on white), as sites do to keep numbers from scrapers. Same text, same
/// bytes: fixed font file, no anti-aliasing differences between runs, PNG without timestamps.
/// </summary>
internal sealed class LantaarnPhoneImage
{
    private const float TextSize = 28;
    private const int Padding = 10;
    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);
    // One typeface for the process: it is read-only once loaded and shared by every host.
    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface);

    public byte[] Png(string text) => _cache.GetOrAdd(text, Render);

    private static byte[] Render(string text)
    {
        using var font = new SKFont(Typeface.Value, TextSize) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.Normal };
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var width = (int)Math.Ceiling(font.MeasureText(text)) + 2 * Padding;
        var height = (int)Math.Ceiling(TextSize) + 2 * Padding;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawText(text, Padding, Padding + TextSize * 0.8f, SKTextAlign.Left, font, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKTypeface LoadTypeface()
    {
        // A font file first (fontconfig's answer can change with installed packages); DejaVu Sans by family name otherwise.
        foreach (var file in FontFiles)
            if (File.Exists(file) && SKTypeface.FromFile(file) is { } typeface) return typeface;
        return SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    }
}
