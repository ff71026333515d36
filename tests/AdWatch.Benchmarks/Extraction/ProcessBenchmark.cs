using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AdWatch.Benchmarks.Extraction;

/// <summary>
/// Whole-process figures of <c>adwatch extract</c> beside its Python peer (python/extract_baseline.py --jsonl), as a user runs
/// them: start, read, extract, write, exit. <c>startup</c>: one small ad, N runs each, min and median wall time, CPU time and
/// peak RSS. <c>extract-process</c>: a generated file of synthetic ads (see <see cref="SyntheticAds"/>) through
/// <c>adwatch extract --jsonl FILE</c> and through the peer, runs interleaved, ads/s of the fastest run (wall time), the ratio,
/// peak RSS, and how often both found the same phones. The machine is shared: the runs are interleaved so both see the same
/// load, and the load average is printed with the figures. See run-process-benchmark.sh.
/// Options: --adwatch PATH (a published adwatch)  --python PATH  --peer PATH  --runs N  --ads N  --core N (taskset both)
/// </summary>
internal static class ProcessBenchmark
{
    public static int Run(string mode, string[] args)
    {
        var adwatch = Path.GetFullPath(Option(args, "--adwatch") ?? throw new ArgumentException("--adwatch PATH (a published adwatch) is required"));
        var python = Option(args, "--python") ?? "/usr/bin/python3";
        var peer = Path.GetFullPath(Option(args, "--peer") ?? "tests/AdWatch.Benchmarks/python/extract_baseline.py");
        var core = Option(args, "--core");
        var work = Directory.CreateTempSubdirectory("adwatch-process-bench-");
        try
        {
            Console.WriteLine($"adwatch {adwatch}; peer {python} {peer}; {(core is null ? "not pinned" : $"both pinned to core {core}")}; " +
                              $"{Environment.ProcessorCount} processors; load average {LoadAverage()}");
            return mode == "startup"
                ? Startup(adwatch, python, peer, core, work.FullName, int.Parse(Option(args, "--runs") ?? "10", CultureInfo.InvariantCulture))
                : Throughput(adwatch, python, peer, core, work.FullName, int.Parse(Option(args, "--ads") ?? "100000", CultureInfo.InvariantCulture),
                    int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int Startup(string adwatch, string python, string peer, string? core, string work, int runs)
    {
        var ad = Path.Combine(work, "ad.txt");
        File.WriteAllText(ad, "Nieuw in Harderwijk! Bel 06 1555 0123, Stationsplein 3\n");
        var adJsonl = Path.Combine(work, "ad.jsonl");
        File.WriteAllText(adJsonl, """{"id": 1, "text": "Nieuw in Harderwijk! Bel 06 1555 0123, Stationsplein 3"}""" + "\n");
        var dotnet = new List<Measured>();
        var py = new List<Measured>();
        for (var i = 0; i < runs; i++)
        {
            dotnet.Add(Measure(work, core, Path.Combine(work, "out-dotnet.json"), adwatch, "extract", ad));
            py.Add(Measure(work, core, Path.Combine(work, "out-python.json"), python, peer, "--jsonl", adJsonl));
        }
        Report("startup adwatch extract (one ad)", dotnet);
        Report("startup python peer (one ad)", py);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    private static int Throughput(string adwatch, string python, string peer, string? core, string work, int ads, int runs)
    {
        var input = Path.Combine(work, "ads.jsonl");
        var bytes = SyntheticAds.Write(input, ads, seed: 17);
        Console.WriteLine($"{ads} synthetic ads, {bytes / 1e6:F1} MB");
        var dotnetOut = Path.Combine(work, "out-dotnet.jsonl");
        var pythonOut = Path.Combine(work, "out-python.jsonl");
        var dotnet = new List<Measured>();
        var py = new List<Measured>();
        for (var i = 0; i < runs; i++)
        {
            dotnet.Add(Measure(work, core, dotnetOut, adwatch, "extract", "--jsonl", input));
            py.Add(Measure(work, core, pythonOut, python, peer, "--jsonl", input));
        }
        var d = Report("adwatch extract --jsonl", dotnet, ads);
        var p = Report("python peer --jsonl", py, ads);
        Console.WriteLine($"ratio (ads/s of the fastest runs, wall): {d / p:F1}x; by CPU time: " +
                          $"{ads / dotnet.Min(m => m.Cpu) / (ads / py.Min(m => m.Cpu)):F1}x");
        Agreement(dotnetOut, pythonOut, ads);
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>How many ads both found the same phones in (as sets), and how many lines each wrote.</summary>
    private static void Agreement(string dotnetOut, string pythonOut, int ads)
    {
        static Dictionary<int, HashSet<string>> Read(string path) =>
            File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(
                r => r.GetProperty("id").GetInt32(),
                r => r.GetProperty("phones").EnumerateArray()
                    .Select(p => p.ValueKind == JsonValueKind.String ? p.GetString()! : p.GetProperty("e164").GetString()!).ToHashSet());
        var dotnet = Read(dotnetOut);
        var python = Read(pythonOut);
        var same = dotnet.Count(kv => python.TryGetValue(kv.Key, out var p) && p.SetEquals(kv.Value));
        var dotnetMore = dotnet.Count(kv => python.TryGetValue(kv.Key, out var p) && kv.Value.IsProperSupersetOf(p));
        Console.WriteLine($"phones agree on {same} of {ads} ads ({100.0 * same / ads:F1}%); adwatch found a strict superset on {dotnetMore}; " +
                          $"lines: adwatch {dotnet.Count}, python {python.Count}");
        foreach (var (id, phones) in dotnet.Where(kv => !(python.TryGetValue(kv.Key, out var p) && p.SetEquals(kv.Value))).Take(3))
        {
            Console.WriteLine($"  e.g. ad {id}: adwatch [{string.Join(", ", phones)}], python [{string.Join(", ", python.GetValueOrDefault(id) ?? [])}]");
        }
    }

    private sealed record Measured(double Wall, double Cpu, long PeakRssKb, int Exit);

    /// <summary>One whole-process run under /usr/bin/time, standard output to a file (no pipe through this process).</summary>
    private static Measured Measure(string work, string? core, string stdout, string program, params string[] args)
    {
        var times = Path.Combine(work, "time.txt");
        var info = new ProcessStartInfo("/usr/bin/time") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%U %S %M", "-o", times, "sh", "-c", "exec \"$@\" >\"$OUT\" 2>/dev/null", "sh"])
        {
            info.ArgumentList.Add(a);
        }
        if (core is not null)
        {
            info.ArgumentList.Add("taskset");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(core);
        }
        info.ArgumentList.Add(program);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["OUT"] = stdout;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = watch.Elapsed.TotalSeconds;
        var fields = File.ReadAllText(times).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[^3..];
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}");
        }
        return new Measured(wall, double.Parse(fields[0], CultureInfo.InvariantCulture) + double.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[2], CultureInfo.InvariantCulture), process.ExitCode);
    }

    private static double Report(string what, List<Measured> runs, int ads = 0)
    {
        var walls = runs.Select(r => r.Wall).Order().ToList();
        var cpus = runs.Select(r => r.Cpu).Order().ToList();
        var rss = runs.Max(r => r.PeakRssKb) / 1024.0;
        var line = $"{what}: wall min {walls[0]:F3} s, median {walls[walls.Count / 2]:F3} s; CPU (user+sys) min {cpus[0]:F2} s, " +
                   $"median {cpus[cpus.Count / 2]:F2} s; peak RSS {rss:F0} MB; {runs.Count} runs";
        var rate = ads > 0 ? ads / walls[0] : 0;
        Console.WriteLine(ads > 0 ? $"{line}; {rate:F0} ads/s (fastest run)" : line);
        return rate;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>
/// Synthetic ads for the whole-process benchmark, on purpose unlike the demo sites' generator: short free-form notices in
/// Dutch, English, Spanish and Portuguese, some as HTML with tel:/WhatsApp links, phones from the fictional +31 6 1555 range
/// in the ways writers space them, some places and postcodes of the region. Seeded: the same file every run.
/// </summary>
internal static class SyntheticAds
{
    private static readonly string[] Openers =
    [
        "Nieuw in {0}!", "Lieve dame in {0}", "Discreet en gezellig, {0}", "New in town: {0}", "Sweet girl visiting {0}",
        "Nueva en {0}, cariñosa", "Chica latina en {0}", "Novinha em {0}", "Brasileira carinhosa em {0}", "Alleen deze week in {0}",
    ];

    private static readonly string[] Middles =
    [
        "Bel of app {0}.", "Call me on {0}", "Llámame al {0}", "Liga pra mim {0}", "Tel: {0} (ook WhatsApp)", "Contact {0}, geen sms",
        "Whatsapp {0} voor een afspraak", "Mijn nummer: {0}", "Para citas: {0}", "Agende pelo {0}",
    ];

    private static readonly string[] Closers =
    [
        "Open 10.00-22.00, €150 per uur.", "Available 24/7, real photos.", "Ook in het weekend, 1.68 m, 58 kg.", "Fotos reales, sin prisas.",
        "Fotos reais, só hoje.", "Parkeren voor de deur, {0}.", "Privé ontvangst {0}.", "Hotel visits only.", "", "",
    ];

    private static readonly string[] Places = ["Harderwijk", "Ermelo", "Putten", "Nunspeet", "Zwolle", "Amersfoort", "Apeldoorn", "Hierden", "Elspeet"];

    private static readonly string[] Addresses = ["Stationsplein 3, 3841 AB Harderwijk", "Dorpsstraat 12 Ermelo", "3881 Putten", "Smeepoortstraat 40 Harderwijk", "3842 Hierden"];

    public static int Generate(string[] args)
    {
        var ads = Array.IndexOf(args, "--ads") is var a and >= 0 ? int.Parse(args[a + 1], CultureInfo.InvariantCulture) : 100_000;
        var output = Array.IndexOf(args, "--out") is var o and >= 0 ? args[o + 1] : "ads.jsonl";
        Console.WriteLine($"{output}: {ads} ads, {Write(output, ads, seed: 17) / 1e6:F1} MB");
        return 0;
    }

    public static long Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var id = 1; id <= count; id++)
        {
            var place = Places[random.Next(Places.Length)];
            var number = random.Next(10_000);
            var phone = Phone(number, random.Next(6));
            var body = string.Join(' ',
                string.Format(CultureInfo.InvariantCulture, Openers[random.Next(Openers.Length)], place),
                string.Format(CultureInfo.InvariantCulture, Middles[random.Next(Middles.Length)], phone),
                string.Format(CultureInfo.InvariantCulture, Closers[random.Next(Closers.Length)], Addresses[random.Next(Addresses.Length)]));
            string field, value;
            if (random.Next(5) < 2)
            {
                field = "html";
                var link = random.Next(2) == 0 ? $"tel:+3161555{number:0000}" : $"https://wa.me/3161555{number:0000}";
                value = $"<html><head><style>.ad{{color:#333}}</style><script>var t='0612345678';</script></head><body><div class=\"ad\">" +
                        $"<h2>{place}</h2><p>{body}</p><ul><li>id {id}</li><li>{random.Next(18, 40)} jaar</li></ul>" +
                        $"<a href=\"{link}\">contact</a></div></body></html>";
            }
            else
            {
                field = "text";
                value = body;
            }
            writer.Write("{\"id\":");
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write(",\"");
            writer.Write(field);
            writer.Write("\":");
            writer.Write(JsonSerializer.Serialize(value));
            writer.Write("}\n");
        }
        writer.Flush();
        return writer.BaseStream.Length;
    }

    private static string Phone(int n, int style) => style switch
    {
        0 => $"+31 6 1555 {n:0000}",
        1 => $"06-1555{n:0000}",
        2 => $"0031 6 1555 {n:0000}",
        3 => $"06 15 55 {n / 100:00} {n % 100:00}",
        4 => $"+31615 55{n:0000}",
        _ => $"(06) 1555 {n:0000}",
    };
}
