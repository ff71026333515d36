using AdWatch.Evidence;
using System.Diagnostics;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Crawling;

/// <summary>
/// End-to-end crawl benchmarks against the demo sites on loopback, politeness off:
/// <c>crawl-http [pages]</c> (default 10,000 pages of Kontaktbord) and <c>crawl-browser [pages]</c> (default 500 of Nachtlicht).
/// Prints pages/s and peak memory. The demo server runs in the same process, so the working set includes it;
/// the sampled managed heap is the better figure for the crawler itself.
/// </summary>
public static class CrawlBenchmark
{
    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var browser = mode == "crawl-browser";
        var targetPages = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : browser ? 500 : 10_000;
        var start = new DateOnly(2023, 3, 1);
        var kind = browser ? DemoSiteKind.Nachtlicht : DemoSiteKind.Kontaktbord;
        var pageSize = browser ? 24 : 100;
        // Grow the scenario until the site lists enough ads for the page budget (ads + listing pages).
        var adCount = targetPages;
        DemoScenario scenario;
        while (true)
        {
            scenario = DemoScenario.Generate(seed: 42, adCount: adCount, startDate: start, days: 1);
            var listed = scenario.Listing(kind, start).Count;
            if (listed + (listed + pageSize - 1) / pageSize >= targetPages)
            {
                break;
            }
            adCount = adCount * 5 / 4;
        }
        await using var host = await DemoSiteHost.StartAsync(scenario, new DemoSiteHostOptions { KontaktbordPageSize = pageSize, NachtlichtPageSize = pageSize, CrawlDelaySeconds = 0 });
        var folder = Path.Combine(Path.GetTempPath(), "adwatch-bench-" + Guid.NewGuid().ToString("N"));
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crawling:CrawlersPath"] = CrawlersFolder(),
            ["Crawling:BatchSize"] = "64",
            ["Browser:RecycleAfterPages"] = "200",
        }).Build();
        await using var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddSingleton(Options.Create(new StorageOptions { DatabasePath = Path.Combine(folder, "bench.db") }))
            .AddSingleton<Database>()
            .AddAdWatchCrawling(config)
            .AddAdWatchEvidence()
            .BuildServiceProvider();
        await new SchemaMigrator(services.GetRequiredService<Database>(), TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        var site = SiteDefinitionLoader.LoadFile(Path.Combine(CrawlersFolder(), (browser ? "nachtlicht" : "kontaktbord") + ".yaml"))
            .WithBaseUrl(host[kind].BaseUrl.AbsoluteUri);
        site.Politeness.DelayMs = 0;
        site.Politeness.ConcurrencyPerHost = browser ? 1 : 8;
        site.Listing.MaxPages = 10_000;

        using var sampler = new MemorySampler();
        var clock = Stopwatch.StartNew();
        var result = await services.GetRequiredService<CrawlRunner>().RunAsync(site, new DateTimeOffset(2023, 3, 1, 7, 0, 0, TimeSpan.Zero), "benchmark", CancellationToken.None);
        clock.Stop();
        sampler.Stop();

        var pages = result.Stats!.Requests;
        Console.WriteLine($"benchmark: {mode} ({site.Name}, politeness off, concurrency {site.Politeness.ConcurrencyPerHost}, SQLite, {Environment.ProcessorCount} cores)");
        Console.WriteLine($"pages: {pages} ({result.Stats.ListingPages} listing, {result.Stats.AdsSeen} ads, errors {result.Stats.ErrorsByKind.Values.Sum()}), status {result.Status}");
        Console.WriteLine($"time: {clock.Elapsed.TotalSeconds:0.0} s, {pages / clock.Elapsed.TotalSeconds:0.0} pages/s");
        Console.WriteLine($"peak managed heap: {sampler.PeakHeap / 1048576.0:0} MiB; peak working set (crawler + demo server): {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB");
        if (browser)
        {
            Console.WriteLine($"peak Chromium RSS (all chromium processes on the machine): {sampler.PeakChromium / 1048576.0:0} MiB");
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // temp folder; not worth failing the benchmark over
        }
        return result.Status == "completed" ? 0 : 1;
    }

    private static string CrawlersFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "crawlers")) && File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
            {
                return Path.Combine(dir.FullName, "crawlers");
            }
        }
        throw new DirectoryNotFoundException("crawlers/ not found");
    }
}
