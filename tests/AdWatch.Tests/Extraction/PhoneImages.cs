using System.Globalization;
using AdWatch.Extraction;
using SkiaSharp;

namespace AdWatch.Tests.Extraction;

/// <summary>One generated image: its PNG, the text drawn, and the E.164 it shows (null for an image that shows no phone).</summary>
public sealed record PhoneImage(string Name, byte[] Png, string Text, string? E164);

/// <summary>
/// Renders the OCR evaluation set: Dutch phone numbers in the writings ads use, drawn with the DejaVu fonts Debian ships
/// (<c>fonts-dejavu-core</c>: sans, serif and mono, regular and bold, some slanted or condensed), 14–40 px, on light, dark
/// and gradient backgrounds, rotated up to ±3° and with noise, plus some foreign numbers (+57, +55, +32, +49, +44, +40); and
/// images that show no phone (prices, dates, postcodes, opening hours, ids and reference numbers, photo-like mosaics). Seeded and deterministic, so a figure measured once can be measured again. The truth comes from the
/// generator, never from OCR. Shared by the unit tests, the CLI integration test and the benchmark (linked file).
/// </summary>
public static class PhoneImages
{
    /// <summary>Where Debian puts the DejaVu fonts.</summary>
    public const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly string[] FontFiles =
    [
        "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
    ];

    private static readonly PhoneExtractor Validator = new();

    /// <summary>Null when the fonts are installed, otherwise the install hint.</summary>
    public static string? FontsMissing() =>
        FontFiles.All(f => File.Exists(Path.Combine(FontFolder, f)))
            ? null
            : $"needs the DejaVu fonts in {FontFolder}: apt-get install fonts-dejavu-core (.ci/run installs it).";

    /// <summary><paramref name="count"/> images of one phone number each.</summary>
    public static IReadOnlyList<PhoneImage> Phones(int count, int seed = 14)
    {
        var random = new Random(seed);
        var images = new List<PhoneImage>(count);
        for (var i = 0; i < count; i++)
        {
            var (text, e164) = PhoneWriting(random, i);
            images.Add(new PhoneImage($"phone-{i:000}", Render(text, random, i), text, e164));
        }
        return images;
    }

    /// <summary><paramref name="count"/> images that show no phone number.</summary>
    public static IReadOnlyList<PhoneImage> NonPhones(int count, int seed = 41)
    {
        var random = new Random(seed);
        var images = new List<PhoneImage>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 6 == 5)
            {
                images.Add(new PhoneImage($"mosaic-{i:000}", Mosaic(random), "", null));
                continue;
            }
            var text = NonPhoneText(random, i);
            images.Add(new PhoneImage($"nonphone-{i:000}", Render(text, random, i), text, null));
        }
        return images;
    }

    /// <summary>
    /// A number in one of the writings ads use, with its E.164: Dutch mobiles (most), Dutch landlines (every fifth) and,
    /// every tenth from the fourth, a foreign mobile written internationally (Colombia, Brazil, Belgium, Germany, the UK,
    /// Romania), as the numbers of advertisers from abroad are.
    /// </summary>
    private static (string Text, string E164) PhoneWriting(Random random, int index)
    {
        while (true)
        {
            string text, e164;
            if (index % 10 == 3)
            {
                (text, e164) = Foreign(random);
            }
            else if (index % 5 == 4)
            {
                // Landline: area code and subscriber number, 9 digits after the trunk zero.
                var (area, rest) = random.Next(3) switch
                {
                    0 => ("20", Digits(random, 7)),
                    1 => ("33", Digits(random, 7)),
                    _ => ("577", Digits(random, 6)),
                };
                rest = random.Next(2, 10).ToString(CultureInfo.InvariantCulture) + rest[1..];
                e164 = "+31" + area + rest;
                text = random.Next(3) switch
                {
                    0 => $"0{area}-{rest}",
                    1 => $"0{area} {rest}",
                    _ => $"+31 {area} {rest}",
                };
            }
            else
            {
                var n = random.Next(1, 6).ToString(CultureInfo.InvariantCulture) + Digits(random, 7); // 06-1… to 06-5…
                e164 = "+316" + n;
                text = random.Next(6) switch
                {
                    0 => $"06-{n}",
                    1 => $"06 {n[..4]} {n[4..]}",
                    2 => $"+31 6 {n}",
                    3 => $"00316{n}",
                    4 => $"(06) {n[..3]} {n[3..6]} {n[6..]}",
                    _ => $"06{n}",
                };
            }
            // The truth must be what the text validator reads from the writing itself, or OCR would be blamed for it.
            var read = Validator.Extract(text);
            if (read.Count == 1 && read[0].E164 == e164)
            {
                return (text, e164);
            }
        }
    }

    private static (string Text, string E164) Foreign(Random random)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                var n = "3" + random.Next(0, 3).ToString(CultureInfo.InvariantCulture) + Digits(random, 8); // Colombian mobile 30x–32x
                return ($"+57 {n[..3]} {n[3..6]} {n[6..]}", "+57" + n);
            }
            case 1:
            {
                var n = "119" + random.Next(6, 10).ToString(CultureInfo.InvariantCulture) + Digits(random, 7); // São Paulo mobile
                return ($"+55 {n[..2]} {n[2..7]}-{n[7..]}", "+55" + n);
            }
            case 2:
            {
                var n = "4" + random.Next(7, 10).ToString(CultureInfo.InvariantCulture) + Digits(random, 7); // Belgian mobile 47x–49x
                return ($"+32 {n[..3]} {n[3..5]} {n[5..7]} {n[7..]}", "+32" + n);
            }
            case 3:
            {
                var n = "15" + random.Next(1, 3).ToString(CultureInfo.InvariantCulture) + Digits(random, 8); // German mobile 151/152
                return ($"+49 {n[..3]} {n[3..]}", "+49" + n);
            }
            case 4:
            {
                var n = "7" + random.Next(4, 10).ToString(CultureInfo.InvariantCulture) + Digits(random, 8); // UK mobile 074–079
                return ($"+44 {n[..4]} {n[4..]}", "+44" + n);
            }
            default:
            {
                var n = "7" + random.Next(2, 5).ToString(CultureInfo.InvariantCulture) + Digits(random, 7); // Romanian mobile 072–074
                return ($"+40 {n[..3]} {n[3..6]} {n[6..]}", "+40" + n);
            }
        }
    }

    private static string NonPhoneText(Random random, int index)
    {
        while (true)
        {
            var text = (index % 6) switch
            {
                0 => random.Next(3) switch
                {
                    0 => $"€ {random.Next(50, 400)},-",
                    1 => $"€{random.Next(50, 400)}",
                    _ => $"{random.Next(50, 400)} euro",
                },
                1 => $"{random.Next(1, 29):00}-{random.Next(1, 13):00}-{random.Next(2015, 2027)}",
                2 => $"{random.Next(1000, 10000)} {(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
                3 => random.Next(2) == 0
                    ? $"{random.Next(8, 14):00}:00-{random.Next(18, 24):00}:00"
                    : $"€ {random.Next(1, 10)}.{random.Next(100, 1000)},{random.Next(0, 100):00}",
                _ => random.Next(2) == 0
                    ? Digits(random, random.Next(6, 10)) // order and advertisement ids
                    : $"{random.Next(100, 1000)}-{random.Next(100, 1000)}-{random.Next(10, 100)}", // reference numbers
            };
            // A random digit string can be a valid number (0800 1234); only real non-phones are kept.
            if (Validator.Extract(text).Count == 0)
            {
                return text;
            }
        }
    }

    private static string Digits(Random random, int count)
    {
        var digits = new char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        return new string(digits);
    }

    /// <summary>Draws <paramref name="text"/> in a font, size, background, rotation and noise chosen by <paramref name="random"/>.</summary>
    private static byte[] Render(string text, Random random, int index)
    {
        using var typeface = SKTypeface.FromFile(Path.Combine(FontFolder, FontFiles[random.Next(FontFiles.Length)]))
                             ?? throw new InvalidOperationException(FontsMissing() ?? "font not loadable");
        var size = random.Next(14, 41);
        using var font = new SKFont(typeface, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        // Synthetic oblique and condensed faces widen the set beyond the six files Debian's fonts-dejavu-core ships.
        switch (random.Next(6))
        {
            case 0:
                font.SkewX = -0.2f;
                break;
            case 1:
                font.ScaleX = 0.85f;
                break;
        }
        var width = font.MeasureText(text);
        var marginX = random.Next(8, 40);
        var marginY = random.Next(6, 24);
        var w = (int)Math.Ceiling(width) + 2 * marginX;
        var h = (int)Math.Ceiling(size * 1.3) + 2 * marginY;

        var background = index % 3; // 0 light, 1 dark, 2 gradient
        var light = background == 0 || (background == 2 && random.Next(2) == 0);
        SKColor Light() => new((byte)random.Next(215, 256), (byte)random.Next(215, 256), (byte)random.Next(215, 256));
        SKColor Dark() => new((byte)random.Next(0, 60), (byte)random.Next(0, 60), (byte)random.Next(0, 60));

        using var bitmap = new SKBitmap(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { IsAntialias = true };
            if (background == 2)
            {
                using var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h),
                    light ? [Light(), Light()] : [Dark(), Dark()], SKShaderTileMode.Clamp);
                paint.Shader = shader;
                canvas.DrawRect(0, 0, w, h, paint);
                paint.Shader = null;
            }
            else
            {
                canvas.Clear(light ? Light() : Dark());
            }

            paint.Color = light ? Dark() : Light();
            canvas.Translate(w / 2f, h / 2f);
            canvas.RotateDegrees((float)(random.NextDouble() * 6 - 3));
            canvas.DrawText(text, -width / 2, size * 0.35f, SKTextAlign.Left, font, paint);
        }

        AddNoise(bitmap, random, amplitude: random.Next(0, 25));
        return Encode(bitmap);
    }

    /// <summary>A photo-like picture: overlapping coloured rectangles and circles, no writing.</summary>
    private static byte[] Mosaic(Random random)
    {
        var w = random.Next(120, 400);
        var h = random.Next(80, 300);
        using var bitmap = new SKBitmap(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 30; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                float x = random.Next(w), y = random.Next(h), r = random.Next(5, 60);
                if (random.Next(2) == 0)
                {
                    canvas.DrawCircle(x, y, r, paint);
                }
                else
                {
                    canvas.DrawRect(x, y, r * 1.5f, r, paint);
                }
            }
        }
        AddNoise(bitmap, random, amplitude: 20);
        return Encode(bitmap);
    }

    private static void AddNoise(SKBitmap bitmap, Random random, int amplitude)
    {
        if (amplitude == 0)
        {
            return;
        }
        // Straight on the RGBA bytes: GetPixel/SetPixel per pixel made generating the set take longer than reading it.
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i + 3 < pixels.Length; i += 4)
        {
            var d = random.Next(-amplitude, amplitude + 1);
            pixels[i] = Clamp(pixels[i] + d);
            pixels[i + 1] = Clamp(pixels[i + 1] + d);
            pixels[i + 2] = Clamp(pixels[i + 2] + d);
        }
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
