using System.Diagnostics;
using AdWatch.Extraction;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// How well phones written in images are read: the generated set (<see cref="PhoneImages"/>) through the real tesseract.
/// A number counts as read only when the E.164 equals the generator's truth; an image without a phone must give none.
/// </summary>
public sealed class ImagePhoneReaderEvaluationTests(ITestOutputHelper output)
{
    private const int PhoneCount = 200;
    private const int NonPhoneCount = 60;

    [Fact]
    public async Task GeneratedSet_ReadsAtLeast95Percent_AndNoPhoneFromNonPhoneImages()
    {
        var reader = OcrTestSupport.ReaderOrSkip();
        var ct = TestContext.Current.CancellationToken;
        var phones = PhoneImages.Phones(PhoneCount);
        var others = PhoneImages.NonPhones(NonPhoneCount);

        var started = Stopwatch.GetTimestamp();
        var exact = 0;
        var misses = new List<string>();
        foreach (var image in phones)
        {
            var read = await reader.ReadAsync(image.Png, ct);
            if (read.Count == 1 && read[0].E164 == image.E164)
            {
                exact++;
            }
            else
            {
                misses.Add($"{image.Name} '{image.Text}' → [{string.Join(", ", read.Select(p => $"{p.E164} '{p.Text}'"))}]");
            }
        }
        var falsePhones = new List<string>();
        foreach (var image in others)
        {
            var read = await reader.ReadAsync(image.Png, ct);
            if (read.Count > 0)
            {
                falsePhones.Add($"{image.Name} '{image.Text}' → {string.Join(", ", read.Select(p => $"{p.E164} '{p.Text}'"))}");
            }
        }
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds / (phones.Count + others.Count);

        var accuracy = (double)exact / phones.Count;
        output.WriteLine($"OCR evaluation: {exact}/{phones.Count} read exactly ({accuracy:P1}), {falsePhones.Count}/{others.Count} non-phone images gave a phone, {ms:0} ms/image");
        foreach (var line in misses.Concat(falsePhones))
        {
            output.WriteLine("  " + line);
        }
        accuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        falsePhones.ShouldBeEmpty();
    }
}

/// <summary>The reader over the installed tesseract, or a skip naming the install step.</summary>
internal static class OcrTestSupport
{
    public static ImagePhoneReader ReaderOrSkip(ExtractionOptions? options = null)
    {
        if (PhoneImages.FontsMissing() is { } fonts)
        {
            Assert.Skip(fonts);
        }
        var reader = new ImagePhoneReader(Options.Create(options ?? new ExtractionOptions()), new PhoneExtractor());
        if (!reader.IsAvailable)
        {
            Assert.Skip(TesseractLocator.InstallHint + " (.ci/run installs it).");
        }
        return reader;
    }
}
