using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Benchmarks.Crawling;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hostile;
using AdWatch.Evidence;
using AdWatch.Geocoding;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Benchmarks.Hostile;

/// <summary>
/// Time and memory of every input path over the hostile-input corpus (<see cref="HostileCorpus"/>, issue 16): extraction per
/// case (the slowest case is the bound that matters), the crawl of the corpus site with extraction and analysis, import of
/// the corpus as JSONL and as a .warc.gz with a 200 MB gzip-bomb record, the dossier pages and their PDFs. Memory: the
/// managed heap's peak per path (sampled every 100 ms) and the process's peak resident set at the end.
/// Usage: <c>dotnet run -c Release --project tests/AdWatch.Benchmarks -- hostile [--runs N]</c> (extraction runs per case, default 3).
/// </summary>
internal static partial class HostileCorpusBenchmark
{
    private static readonly DateTimeOffset At = new(2023, 3, 6, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var ct = CancellationToken.None;
        var dir = Directory.CreateTempSubdirectory("adwatch-hostile-bench-");
        Console.WriteLine($"hostile-input corpus benchmark: {HostileCorpus.Cases.Count} cases, processors {Environment.ProcessorCount}, " +
                          $"site budget {HostileCorpus.MaxBodyBytes / 1_000_000} MB and {HostileCorpus.TimeoutSeconds} s per page");
        try
        {
            await ExtractionAsync(dir, runs, ct);
            await using var site = await HostileSite.StartAsync(ct);
            var db = Path.Combine(dir.FullName, "crawl.db");
            await CrawlAndDossierAsync(site, db, ct);
            await ImportAsync(dir, site.BaseUrl, warc: false, ct);
            await ImportAsync(dir, site.BaseUrl, warc: true, ct);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak resident set: {self.PeakWorkingSet64 / 1048576.0:F0} MB"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // a job-store file may still be held a moment
            }
        }
    }

    private static async Task ExtractionAsync(DirectoryInfo dir, int runs, CancellationToken ct)
    {
        using var host = AppHost.BuildCommandHost(new AppSettings(Path.Combine(dir.FullName, "extract.db"), null));
        var runner = host.Services.GetRequiredService<ExtractRunner>();
        var lines = HostileCorpus.Cases.ToDictionary(c => c.Name, c => JsonSerializer.Serialize(new { id = c.Name, html = Encoding.UTF8.GetString(c.Body()) }));
        await runner.RunAsync(new StringReader(lines.First().Value), TextWriter.Null, TextWriter.Null, jsonl: true, ct); // warm-up
        using var memory = new MemorySampler();
        var times = new List<(string Name, double Ms)>();
        foreach (var (name, line) in lines)
        {
            var best = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await runner.RunAsync(new StringReader(line), TextWriter.Null, TextWriter.Null, jsonl: true, ct);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            times.Add((name, best));
        }
        memory.Stop();
        Console.WriteLine("extract --jsonl, per case (best of " + runs.ToString(CultureInfo.InvariantCulture) + "):");
        foreach (var (name, ms) in times.OrderByDescending(t => t.Ms))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-20} {ms,9:F1} ms   ({lines[name].Length / 1024.0,7:F0} KB of JSON)"));
        }
        Report("extract, all cases", times.Sum(t => t.Ms) / 1000, memory.PeakHeap);
    }

    private static async Task CrawlAndDossierAsync(HostileSite site, string db, CancellationToken ct)
    {
        var app = WebApp.Build(new AppSettings(db, null), "http://127.0.0.1:0", builder => builder.Configuration.AddInMemoryCollection([
            new("Jobs:ScheduleCrawls", "false"),
            new("Retention:Enabled", "false"),
            new("Logging:LogLevel:Default", "Error"),
        ]));
        await AppHost.MigrateAsync(app.Services, ct);
        app.Services.GetRequiredService<SiteCatalog>().Put(SiteDefinitionLoader.LoadText(HostileSite.DefinitionYaml(site.BaseUrl), "hostile.yaml"));
        try
        {
            using (var memory = new MemorySampler())
            {
                var sw = Stopwatch.StartNew();
                var run = await app.Services.GetRequiredService<CrawlRunner>().RunAsync(HostileSite.Name, At, "benchmark", ct);
                var crawl = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var extracted = await app.Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
                var extraction = sw.Elapsed.TotalSeconds;
                sw.Restart();
                await app.Services.GetRequiredService<AnalysisRunner>().RunAsync(At.AddHours(4), null, ct);
                memory.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"crawl: run {run.Status}, {extracted} versions extracted; crawl {crawl:F1} s (of it the drip's time budget and retries), extraction {extraction:F1} s, analysis {sw.Elapsed.TotalSeconds:F1} s"));
                Report("crawl + extraction + analysis", crawl + extraction + sw.Elapsed.TotalSeconds, memory.PeakHeap);
            }
            await using (var c = await app.Services.GetRequiredService<Database>().OpenAsync(ct))
            {
                await c.ExecuteAsync("""
                    INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of, active,
                                       advertiser_count, short_stay_count, phones_json, ads_json)
                    SELECT l.id, 0.9, 'new', '[]', @at, @at, @at, TRUE, 1, 1, '[]', '[]' FROM locations l
                    WHERE NOT EXISTS (SELECT 1 FROM flags f WHERE f.location_id = l.id)
                    """, new { at = At.AddHours(4) });
            }
            var locations = (await (await app.Services.GetRequiredService<Database>().OpenAsync(ct)).QueryAsync<long>("SELECT location_id FROM flags")).ToList();
            const string name = "bench-coordinator", password = "benchmark-password-hostile-1";
            await app.Services.GetRequiredService<UserStore>().AddAsync(name, Role.Coordinator, new PasswordHasher<string>().HashPassword(name, password),
                TimeProvider.System.GetUtcNow(), "regio", ct);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromMinutes(3),
            };
            var signIn = await client.GetStringAsync("/account/signin", ct);
            var token = WebUtility.HtmlDecode(Token().Match(signIn).Groups[1].Value);
            (await client.PostAsync("/account/signin", new FormUrlEncodedContent([
                new("Name", name), new("Password", password), new("__RequestVerificationToken", token)]), ct)).StatusCode.ShouldBeRedirect();
            foreach (var (what, suffix) in new[] { ("dossier page", ""), ("dossier PDF", "?handler=Pdf") })
            {
                using var memory = new MemorySampler();
                var sw = Stopwatch.StartNew();
                long bytes = 0;
                var slowest = 0.0;
                foreach (var id in locations)
                {
                    var one = Stopwatch.StartNew();
                    using var response = await client.GetAsync($"/locations/{id.ToString(CultureInfo.InvariantCulture)}{suffix}", ct);
                    bytes += (await response.Content.ReadAsByteArrayAsync(ct)).LongLength;
                    slowest = Math.Max(slowest, one.Elapsed.TotalSeconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Console.WriteLine($"  {what} of location {id}: HTTP {(int)response.StatusCode}");
                    }
                }
                memory.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: {locations.Count} houses, {bytes / 1024.0:F0} KB in all, slowest {slowest:F2} s"));
                Report(what + "s", sw.Elapsed.TotalSeconds, memory.PeakHeap);
            }
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
    }

    private static async Task ImportAsync(DirectoryInfo dir, Uri baseUrl, bool warc, CancellationToken ct)
    {
        var file = Path.Combine(dir.FullName, warc ? "hostile.warc.gz" : "hostile.jsonl");
        if (warc)
        {
            await using var stream = File.Create(file);
            using var writer = new WarcWriter(stream, gzip: true);
            var minute = 0;
            foreach (var c in HostileCorpus.Cases)
            {
                writer.WriteResponse(new Uri(baseUrl, "/ad/" + c.Name).AbsoluteUri, At.AddMinutes(minute++), 200, "text/html; charset=utf-8", c.Body());
            }
            await stream.FlushAsync(ct);
            HostileCorpus.WriteWarcBombMember(stream, baseUrl);
        }
        else
        {
            await File.WriteAllLinesAsync(file, HostileCorpus.Cases.Select((c, i) => JsonSerializer.Serialize(new
            {
                site = HostileSite.Name,
                url = new Uri(baseUrl, "/ad/" + c.Name).AbsoluteUri,
                observedAt = At.AddMinutes(i),
                html = Encoding.UTF8.GetString(c.Body()),
            })), ct);
        }
        using var host = AppHost.BuildCommandHost(new AppSettings(Path.Combine(dir.FullName, warc ? "warc.db" : "jsonl.db"), null));
        await AppHost.MigrateAsync(host.Services, ct);
        host.Services.GetRequiredService<SiteCatalog>().Put(SiteDefinitionLoader.LoadText(HostileSite.DefinitionYaml(baseUrl), "hostile.yaml"));
        using var memory = new MemorySampler();
        var sw = Stopwatch.StartNew();
        var result = await host.Services.GetRequiredService<AdImporter>().ImportAsync(file, ct);
        memory.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {Path.GetFileName(file)} ({new FileInfo(file).Length / 1048576.0:F1} MB on disk): {result.Imported} imported, {result.Problems.Count} skipped"));
        Report("import " + (warc ? "WARC (.warc.gz, with a 200 MB bomb record)" : "JSONL"), sw.Elapsed.TotalSeconds, memory.PeakHeap);
    }

    private static void Report(string path, double seconds, long peakHeap) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {path,-48} {seconds,7:F2} s   managed heap peak {peakHeap / 1048576.0,6:F0} MB"));

    private static void ShouldBeRedirect(this HttpStatusCode status)
    {
        if (status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"benchmark sign-in failed: HTTP {(int)status}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
