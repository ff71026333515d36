using System.Diagnostics;
using System.Globalization;
using System.Text;
using AdWatch.Html;

namespace AdWatch.Benchmarks.Html;

/// <summary>
/// Time of the one HTML step (guard, parse, visible text) per case: an ordinary ad page, the 80,000-deep page, a 10 MB
/// attribute, 10 MB of <c>&lt;</c>; and, once, raw AngleSharp on the deep page, which is what the crawler did before the
/// guard. Guarded cases: median of several runs. Options: --runs N (default 5)  --raw-timeout SECONDS (default 180)  --no-raw
/// </summary>
internal static class ParseBenchmark
{
    public static int Run(string[] args)
    {
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var rawTimeout = double.Parse(Option(args, "--raw-timeout") ?? "180", CultureInfo.InvariantCulture);
        var adPage = File.ReadAllText(Option(args, "--ad") ?? "tests/AdWatch.Tests/Sites/Golden/kontaktbord-ad.html");
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 80_000)) + "Bel 06-12345678"
                   + string.Concat(Enumerable.Repeat("</div>", 80_000)) + "</body></html>";
        var attribute = "<div title=\"" + new string('x', 10 * 1024 * 1024) + "\">Bel 06-12345678</div>";
        var lessThan = "<p>Bel 06-12345678</p>" + new string('<', 10 * 1024 * 1024);

        Console.WriteLine($"parse benchmark: guard + AngleSharp + visible text, median of {runs} runs; processors {Environment.ProcessorCount}");
        Case("ordinary ad page", adPage, runs);
        Case("80,000 nested <div>", deep, runs);
        Case("10 MB attribute", attribute, runs);
        Case("10 MB of '<'", lessThan, runs);
        if (!args.Contains("--no-raw"))
        {
            RawDeep(deep, rawTimeout);
        }
        return 0;
    }

    private static void Case(string name, string html, int runs)
    {
        HtmlText.OfPage(HtmlParse.Document(html), TextLayout.Reading); // warm-up
        var guard = new List<double>();
        var total = new List<double>();
        var textLength = 0;
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            HtmlGuard.Bound(html);
            guard.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            textLength = HtmlText.OfPage(HtmlParse.Document(html), TextLayout.Reading).Length;
            total.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {Encoding.UTF8.GetByteCount(html) / 1024.0,10:F0} KB   guard {Median(guard),9:F1} ms   guard+parse+text {Median(total),9:F1} ms   text {textLength} chars"));
    }

    private static void RawDeep(string deep, double timeoutSeconds)
    {
        // Once, on its own thread, so a parse slower than the timeout is reported instead of waited for.
        var sw = Stopwatch.StartNew();
        var parse = new Thread(() => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(deep), 64 * 1024 * 1024) { IsBackground = true };
        parse.Start();
        var line = parse.Join(TimeSpan.FromSeconds(timeoutSeconds))
            ? $"{"raw AngleSharp, deep",-22} {deep.Length / 1024.0,10:F0} KB   parse {sw.Elapsed.TotalMilliseconds,9:F1} ms (once, no guard)"
            : $"{"raw AngleSharp, deep",-22} {deep.Length / 1024.0,10:F0} KB   parse > {timeoutSeconds:F0} s (once, no guard; stopped waiting)";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}"));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
