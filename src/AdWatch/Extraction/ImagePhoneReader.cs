using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdWatch.Extraction;

/// <summary>A phone read from an image: E.164 and the text OCR gave for it.</summary>
public sealed record ImagePhone(string E164, string Text);

/// <summary>
/// Reads phone numbers written inside ad images (advertisers put them there to dodge text filters). The image is decoded
/// within the limits of <see cref="ImageFingerprinter"/> (header first, pixel cap, allocation cap, first frame only),
/// made greyscale, upscaled when the writing is small, binarised with Otsu's threshold (dark backgrounds inverted) and
/// padded, then read by tesseract restricted to digits and phone punctuation, as one line (psm 7) and as a block (psm 6),
/// on the binarised and the plain picture. What OCR returns is only a candidate: it goes through
/// <see cref="PhoneExtractor"/>, the same libphonenumber validation as phones in text, and the number most attempts agree on
/// wins, so a misread digit rarely becomes a phone. Hostile or undecodable data gives no phones, never an exception, and
/// one image never takes longer than <see cref="ExtractionOptions.OcrTimeoutSeconds"/>.
/// </summary>
public sealed partial class ImagePhoneReader
{
    private const int TargetInkHeight = 48;  // tesseract reads digits best from about this height up
    private const double MaxUpscale = 5;
    private const long MaxOcrPixels = 4_000_000; // larger pictures are shrunk: OCR time grows with the area
    private const int Padding = 16;
    private const int MaxTextChars = 200;
    private const int MinDigitsToGoOn = 6; // fewer digits than any phone, allowing for a misread or two
    private const int MinRowEdgesForDigits = 2 * MinDigitsToGoOn; // two edges per digit stroke crossed, at the least

    private readonly PhoneExtractor _phones;
    private readonly ILogger _logger;
    private readonly SixLabors.ImageSharp.Configuration _configuration;
    private readonly long _maxPixels;
    private readonly int _maxBytes;
    private readonly TimeSpan _timeout;
    private readonly TesseractOcr? _ocr;
    private int _warned;

    public ImagePhoneReader(IOptions<ExtractionOptions> options, PhoneExtractor phones, ILogger<ImagePhoneReader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(phones);
        var o = options.Value;
        _phones = phones;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _maxPixels = o.MaxImagePixels;
        _maxBytes = o.MaxOcrImageBytes;
        _timeout = TimeSpan.FromSeconds(o.OcrTimeoutSeconds);
        _configuration = ImageDecoding.Create(_maxPixels);
        _ocr = TesseractLocator.Find(o.TesseractPath) is { } binary ? new TesseractOcr(binary) : null;
    }

    /// <summary>Whether a tesseract binary was found; without one <see cref="ReadAsync"/> returns no phones.</summary>
    public bool IsAvailable => _ocr is not null;

    /// <summary>
    /// The phones in the image <paramref name="data"/>, best first (usually one), or none. Cancelling
    /// <paramref name="ct"/> throws; the per-image timeout does not (it gives what was read so far).
    /// </summary>
    public async Task<IReadOnlyList<ImagePhone>> ReadAsync(byte[] data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_ocr is null)
        {
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                _logger.LogWarning("Phones in images are not read: {Hint}", TesseractLocator.InstallHint);
            }
            return [];
        }
        if (data.Length == 0 || data.Length > _maxBytes)
        {
            return [];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        var variants = Prepare(data);
        var votes = new List<(ImagePhone Phone, int Votes)>();
        var attempts = 0;
        // One line (psm 7) then a block (psm 6), each on the binarised then the plain picture.
        var plan = new List<(int Psm, byte[] Png)>();
        foreach (var psm in (int[])[7, 6])
        {
            plan.AddRange(variants.Select(png => (psm, png)));
        }
        var sparse = false;
        for (var i = 0; i < plan.Count; i++)
        {
            if (timeout.IsCancellationRequested)
            {
                break;
            }
            var text = await _ocr.RecognizeAsync(plan[i].Png, plan[i].Psm, timeout.Token);
            attempts++;
            Vote(text, votes);
            // Two readings that agree are enough; a third run would only cost time.
            if (votes.Count > 0 && votes.Max(v => v.Votes) >= 2)
            {
                return Best(votes);
            }
            var fewDigits = (text ?? "").Count(char.IsAsciiDigit) < MinDigitsToGoOn;
            if (i == 0 && fewDigits && plan.Count == 4)
            {
                // Hardly a digit as one line: a photo, or writing on several lines. The block reading comes next, and when
                // it finds no digits either the picture is left (a photo then costs two runs, not four).
                sparse = true;
                var block = plan[2];
                plan.RemoveAt(2);
                plan.Insert(1, block);
            }
            else if (i == 1 && sparse && fewDigits)
            {
                break;
            }
        }
        ct.ThrowIfCancellationRequested();
        if (attempts > 0 && timeout.IsCancellationRequested)
        {
            _logger.LogInformation("OCR of an image stopped after {Timeout} s ({Attempts} attempts)", _timeout.TotalSeconds, attempts);
        }
        return Best(votes);
    }

    private void Vote(string? text, List<(ImagePhone Phone, int Votes)> votes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var line = Whitespace().Replace(text, " ").Trim();
        if (line.Length > MaxTextChars)
        {
            line = line[..MaxTextChars];
        }
        foreach (var phone in _phones.Extract(text))
        {
            var i = votes.FindIndex(v => v.Phone.E164 == phone.E164);
            if (i >= 0)
            {
                votes[i] = (votes[i].Phone, votes[i].Votes + 1);
            }
            else
            {
                votes.Add((new ImagePhone(phone.E164, line), 1));
            }
        }
    }

    private static IReadOnlyList<ImagePhone> Best(List<(ImagePhone Phone, int Votes)> votes)
    {
        if (votes.Count == 0)
        {
            return [];
        }
        // Every number with the top vote count, in the order first read (an image can carry two numbers).
        var top = votes.Max(v => v.Votes);
        return [.. votes.Where(v => v.Votes == top).Select(v => v.Phone)];
    }

    /// <summary>The pictures to OCR as PNG (binarised first, then plain greyscale), or none when the data is no image within the limits.</summary>
    private List<byte[]> Prepare(byte[] data)
    {
        try
        {
            var info = Image.Identify(_configuration, new MemoryStream(data, writable: false));
            if (info is null || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > _maxPixels)
            {
                return [];
            }

            using var image = Image.Load<L8>(_configuration, data);
            var area = (long)image.Width * image.Height;
            if (area > MaxOcrPixels)
            {
                var shrink = Math.Sqrt((double)MaxOcrPixels / area);
                image.Mutate(x => x.Resize(Math.Max(1, (int)(image.Width * shrink)), Math.Max(1, (int)(image.Height * shrink))));
            }

            var histogram = Histogram(image);
            var threshold = Otsu(histogram, image.Width * image.Height);
            var darkBackground = CountAtOrBelow(histogram, threshold) * 2 > image.Width * image.Height;
            if (MostInkEdgesInARow(image) < MinRowEdgesForDigits)
            {
                return []; // no row crosses enough strokes for a written number: flat areas or a few shapes, no OCR
            }
            var scale = Upscale(image, threshold, darkBackground);
            if (scale > 1)
            {
                var width = (int)Math.Round(image.Width * scale);
                var height = (int)Math.Round(image.Height * scale);
                image.Mutate(x => x.Resize(width, height, KnownResamplers.Bicubic));
            }

            using var plain = image.Clone();
            if (darkBackground)
            {
                plain.Mutate(x => x.Invert());
            }
            using var binary = plain.Clone();
            // After inverting a dark background, ink (originally above the threshold) lies below 255 - threshold.
            var cut = darkBackground ? 255 - threshold : threshold + 1;
            binary.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                {
                    foreach (ref var pixel in rows.GetRowSpan(y))
                    {
                        pixel.PackedValue = pixel.PackedValue < cut ? (byte)0 : (byte)255;
                    }
                }
            });
            return [Png(binary, 255), Png(plain, BackgroundOf(plain))];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Decoders throw many types on crafted data (format, memory, index, argument); all mean "nothing to read".
            return [];
        }
    }

    /// <summary>
    /// The most ink/background changes along one pixel row. A row through a written phone number crosses at least two
    /// edges per digit (a slight rotation keeps one row across all of them); a flat picture or a few coloured blocks give
    /// far fewer, so tesseract, which costs about a third of a second per picture, is not started for them.
    /// </summary>
    internal static int MostInkEdgesInARow(Image<L8> image)
    {
        var threshold = Otsu(Histogram(image), image.Width * image.Height);
        var most = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                var edges = 0;
                for (var x = 1; x < row.Length; x++)
                {
                    if ((row[x].PackedValue <= threshold) != (row[x - 1].PackedValue <= threshold))
                    {
                        edges++;
                    }
                }
                most = Math.Max(most, edges);
            }
        });
        return most;
    }

    /// <summary>How much to enlarge so the ink is at least <see cref="TargetInkHeight"/> high; 1 when it already is or cannot be told.</summary>
    private static double Upscale(Image<L8> image, int threshold, bool darkBackground)
    {
        int top = -1, bottom = -1;
        var minInk = Math.Max(1, image.Width / 200);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var ink = 0;
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if ((pixel.PackedValue <= threshold) != darkBackground)
                    {
                        ink++;
                    }
                }
                if (ink >= minInk)
                {
                    top = top < 0 ? y : top;
                    bottom = y;
                }
            }
        });
        if (top < 0)
        {
            return 1;
        }
        var inkHeight = bottom - top + 1;
        var scale = Math.Min(MaxUpscale, (double)TargetInkHeight / inkHeight);
        var maxScale = Math.Sqrt((double)MaxOcrPixels / ((long)image.Width * image.Height));
        return Math.Min(scale, maxScale);
    }

    private static byte BackgroundOf(Image<L8> image)
    {
        // The corners are background in an ad banner; their mean is the padding colour, so the border adds no edge.
        int w = image.Width - 1, h = image.Height - 1;
        return (byte)((image[0, 0].PackedValue + image[w, 0].PackedValue + image[0, h].PackedValue + image[w, h].PackedValue) / 4);
    }

    private static byte[] Png(Image<L8> image, byte background)
    {
        using var padded = new Image<L8>(image.Width + 2 * Padding, image.Height + 2 * Padding, new L8(background));
        padded.Mutate(x => x.DrawImage(image, new Point(Padding, Padding), 1f));
        using var stream = new MemoryStream();
        padded.SaveAsPng(stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
        return stream.ToArray();
    }

    private static int[] Histogram(Image<L8> image)
    {
        var histogram = new int[256];
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    histogram[pixel.PackedValue]++;
                }
            }
        });
        return histogram;
    }

    private static long CountAtOrBelow(int[] histogram, int threshold)
    {
        long count = 0;
        for (var i = 0; i <= threshold; i++)
        {
            count += histogram[i];
        }
        return count;
    }

    /// <summary>Otsu's threshold: the grey level that best separates ink from background (maximum between-class variance).</summary>
    internal static int Otsu(int[] histogram, long total)
    {
        double sum = 0;
        for (var i = 0; i < 256; i++)
        {
            sum += i * (double)histogram[i];
        }
        double sumBackground = 0, best = -1;
        long weightBackground = 0;
        var threshold = 127;
        for (var t = 0; t < 256; t++)
        {
            weightBackground += histogram[t];
            if (weightBackground == 0)
            {
                continue;
            }
            var weightForeground = total - weightBackground;
            if (weightForeground == 0)
            {
                break;
            }
            sumBackground += t * (double)histogram[t];
            var meanBackground = sumBackground / weightBackground;
            var meanForeground = (sum - sumBackground) / weightForeground;
            var between = (double)weightBackground * weightForeground * (meanBackground - meanForeground) * (meanBackground - meanForeground);
            if (between > best)
            {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
