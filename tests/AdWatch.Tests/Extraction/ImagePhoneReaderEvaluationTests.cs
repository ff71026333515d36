using System.Collections.Concurrent;
using System.Diagnostics;
using AdWatch.Extraction;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// How well phones written in images are read: the generated set (<see cref="PhoneImages"/>) through the real tesseract.
/// A number counts as read only when the reader gives exactly one phone and its E.164 equals the generator's truth; an
/// image without a phone must give none. The figures are printed so the note can quote them.
/// </summary>
public sealed class ImagePhoneReaderEvaluationTests(ITestOutputHelper output)
{
    private const int PhoneCount = 120;
    private const int NonPhoneCount = 40;

    [Fact]
    public async Task GeneratedSet_ReadsAtLeast95Percent_AndNoPhoneFromNonPhoneImages()
    {
        // This measures how well phones are read, not how fast: the per-image budget (10 s by default) is the benchmark's and
        // the hostile-input tests' concern. Under a loaded CI machine an image took 6.6 s of CPU, so the default budget cut
        // attempts short and the figure fell to 94 % for a reason that has nothing to do with reading.
        var reader = OcrTestSupport.ReaderOrSkip(new ExtractionOptions { OcrTimeoutSeconds = 300 });
        var ct = TestContext.Current.CancellationToken;
        var generating = Stopwatch.GetTimestamp();
        var phones = PhoneImages.Phones(PhoneCount);
        var others = PhoneImages.NonPhones(NonPhoneCount);
        var generated = Stopwatch.GetElapsedTime(generating);

        // Each tesseract run is held to one thread; two at a time fill two cores without starving the other tests.
        var parallel = Math.Clamp(Environment.ProcessorCount, 1, 2);
        var results = new ConcurrentDictionary<string, IReadOnlyList<ImagePhone>>();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(phones.Concat(others), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (image, token) => results[image.Name] = await reader.ReadAsync(image.Png, token));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var misses = phones.Where(i => results[i.Name] is not [var only] || only.E164 != i.E164)
            .Select(i => $"{i.Name} '{i.Text}' → [{Describe(results[i.Name])}]").ToList();
        var falsePhones = others.Where(i => results[i.Name].Count > 0)
            .Select(i => $"{i.Name} '{i.Text}' → [{Describe(results[i.Name])}]").ToList();
        var foreign = phones.Where(i => !i.E164!.StartsWith("+31", StringComparison.Ordinal)).ToList();
        var foreignExact = foreign.Count(i => results[i.Name] is [var only] && only.E164 == i.E164);

        var exact = phones.Count - misses.Count;
        var accuracy = (double)exact / phones.Count;
        var total = phones.Count + others.Count;
        output.WriteLine($"OCR evaluation: {exact}/{phones.Count} phones read exactly ({accuracy:P1}; foreign {foreignExact}/{foreign.Count}), " +
                         $"{falsePhones.Count}/{others.Count} non-phone images gave a phone; {total} images in {elapsed.TotalSeconds:0.0} s " +
                         $"with {parallel} in parallel ({elapsed.TotalMilliseconds * parallel / total:0} ms per image per core, " +
                         $"{total / elapsed.TotalSeconds:0.0} images/s), generated in {generated.TotalSeconds:0.0} s");
        foreach (var line in misses.Concat(falsePhones))
        {
            output.WriteLine("  " + line);
        }
        accuracy.ShouldBeGreaterThanOrEqualTo(0.95, string.Join("\n", misses));
        falsePhones.ShouldBeEmpty();
    }

    private static string Describe(IReadOnlyList<ImagePhone> read) => string.Join(", ", read.Select(p => $"{p.E164} '{p.Text}'"));
}

/// <summary>Data that is no readable picture, or a picture too big to read, gives no phone: quickly and without an exception.</summary>
public sealed class ImagePhoneReaderHostileInputTests
{
    public static TheoryData<string> Cases() => ["zero bytes", "not an image", "truncated png", "header claims 100000x100000", "too many bytes"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileData_GivesNoPhone_WithinSeconds(string name)
    {
        var reader = OcrTestSupport.ReaderOrSkip(new ExtractionOptions { MaxOcrImageBytes = 100_000, OcrTimeoutSeconds = 2 });
        var phone = PhoneImages.Phones(1)[0].Png;
        var data = name switch
        {
            "zero bytes" => [],
            "not an image" => "<html><body>06-12345678</body></html>"u8.ToArray(),
            "truncated png" => phone[..(phone.Length / 2)],
            "header claims 100000x100000" => ImageFingerprinterTests.PngHeader(100_000, 100_000),
            _ => [.. phone, .. new byte[100_000]], // a real picture with trailing bytes past the cap
        };

        var started = Stopwatch.GetTimestamp();
        var read = await reader.ReadAsync(data, TestContext.Current.CancellationToken);

        read.ShouldBeEmpty();
        // The OCR timeout (2 s) bounds a picture that decodes; the margin is for a loaded CI machine.
        Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StallingTesseract_IsKilledAtTheTimeout()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("uses a shell script as the stalling tesseract");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("adwatch-ocr-");
        try
        {
            var script = Path.Combine(folder.FullName, "tesseract");
            var pidFile = Path.Combine(folder.FullName, "pid");
            // Reads nothing, answers nothing: the shape of a tesseract stuck on a crafted picture. The child sleep shows the tree kill.
            await File.WriteAllTextAsync(script, $"#!/bin/sh\nsleep 60 &\necho $! > '{pidFile}'\nwait\n", TestContext.Current.CancellationToken);
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (PhoneImages.FontsMissing() is { } fonts)
            {
                Assert.Skip(fonts);
            }
            var reader = new ImagePhoneReader(Options.Create(new ExtractionOptions { TesseractPath = script, OcrTimeoutSeconds = 2 }), new PhoneExtractor());
            reader.IsAvailable.ShouldBeTrue();

            var started = Stopwatch.GetTimestamp();
            var read = await reader.ReadAsync(PhoneImages.Phones(1)[0].Png, TestContext.Current.CancellationToken);

            read.ShouldBeEmpty();
            Stopwatch.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
            if (!File.Exists(pidFile))
            {
                return; // killed (on a loaded machine) before it started its child: nothing can be left over
            }
            var child = int.Parse(await File.ReadAllTextAsync(pidFile, TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            // SIGKILL is delivered asynchronously: on a loaded machine the child may still be listed for a moment.
            for (var i = 0; i < 50 && IsRunning(child); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
            IsRunning(child).ShouldBeFalse("the sleeping child of the stalled tesseract was left running");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Whether the process lives: a zombie waiting for a reaper (containers often have none) counts as gone.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task MissingTesseract_ReadsNothing_AndSaysHowToInstall()
    {
        var reader = new ImagePhoneReader(Options.Create(new ExtractionOptions { TesseractPath = "/nonexistent/tesseract" }), new PhoneExtractor());

        reader.IsAvailable.ShouldBeFalse();
        (await reader.ReadAsync([1, 2, 3], TestContext.Current.CancellationToken)).ShouldBeEmpty();
        TesseractLocator.InstallHint.ShouldContain("apt-get install tesseract-ocr");
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
