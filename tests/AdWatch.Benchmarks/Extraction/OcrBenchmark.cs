using System.Diagnostics;
using System.Globalization;
using AdWatch.Extraction;
using AdWatch.Tests.Extraction;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Extraction;

/// <summary>
/// Cost of reading phones in images: the generated evaluation images (<see cref="PhoneImages"/>, phones and non-phones)
/// through <see cref="ImagePhoneReader"/> and the installed tesseract. One at a time for the wall time per image (median,
/// p95) and the CPU per image including the tesseract children (from /proc/self/stat), then with --parallel readers for
/// images/s. Options: --images N (default 60, a quarter of them without a phone)  --parallel P (default 2)
/// </summary>
internal static class OcrBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--images") ?? "60", CultureInfo.InvariantCulture);
        var parallel = int.Parse(Option(args, "--parallel") ?? "2", CultureInfo.InvariantCulture);
        var reader = new ImagePhoneReader(Options.Create(new ExtractionOptions()), new PhoneExtractor());
        if (!reader.IsAvailable || PhoneImages.FontsMissing() is not null)
        {
            Console.Error.WriteLine(reader.IsAvailable ? PhoneImages.FontsMissing() : TesseractLocator.InstallHint);
            return 1;
        }
        var images = PhoneImages.Phones(count - count / 4).Concat(PhoneImages.NonPhones(count / 4)).ToList();
        Console.WriteLine($"ocr benchmark: {images.Count} generated images ({count / 4} without a phone), " +
                          $"{images.Average(i => i.Png.Length) / 1024.0:F1} KB PNG on average; processors {Environment.ProcessorCount}");

        await reader.ReadAsync(images[0].Png, CancellationToken.None); // warm-up: the page cache holds tesseract and its model
        var wall = new List<double>();
        var exact = 0;
        var cpuBefore = CpuSeconds();
        foreach (var image in images)
        {
            var sw = Stopwatch.StartNew();
            var read = await reader.ReadAsync(image.Png, CancellationToken.None);
            wall.Add(sw.Elapsed.TotalMilliseconds);
            exact += image.E164 is null ? (read.Count == 0 ? 1 : 0) : (read is [var only] && only.E164 == image.E164 ? 1 : 0);
        }
        var cpu = CpuSeconds() - cpuBefore;
        wall.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one at a time   median {wall[wall.Count / 2],7:F0} ms   p95 {wall[(int)(wall.Count * 0.95)],7:F0} ms   mean {wall.Average(),7:F0} ms per image   " +
            $"CPU {cpu * 1000 / images.Count,6:F0} ms per image (process + tesseract)   {images.Count / (wall.Sum() / 1000),5:F2} images/s   {exact}/{images.Count} right"));

        var total = Stopwatch.StartNew();
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (image, ct) => await reader.ReadAsync(image.Png, ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{parallel} in parallel   {total.Elapsed.TotalSeconds,6:F1} s for {images.Count} images   {images.Count / total.Elapsed.TotalSeconds,5:F2} images/s"));
        return 0;
    }

    /// <summary>User and system CPU of this process and of its reaped children (the tesseract runs), in seconds; 0 off Linux.</summary>
    private static double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, so utime, stime, cutime, cstime (fields 14–17) are at 11–14 here.
            var ticks = fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
            return ticks / 100.0; // USER_HZ is 100 on Linux
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
