using System.Diagnostics;
using System.Globalization;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Evidence;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Crawling;

/// <summary>
/// Revisit economy: crawls a generated scenario once a simulated day and counts what each daily revisit sends.
/// <c>revisit-http [ads] [days]</c> (Kontaktbord, default 2,000 ads over 21 days) and <c>revisit-browser [ads] [days]</c>
/// (Nachtlicht, default 300 over 12 days). Prints requests per daily revisit against the useful work: listing pages +
/// new or changed ads + unchanged ads / 7 (each unchanged ad verified once a week), for the rule as shipped and, unless
/// <c>--no-baseline</c>, for <c>listing.reverifyDays: 0</c> (every listed ad's page every day, as before the rule).
/// </summary>
public static class RevisitBenchmark
{
    public static async Task<int> RunAsync(string mode, string[] args)
    {
        var browser = mode == "revisit-browser";
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var ads = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : browser ? 300 : 2_000;
        var days = numbers.Length > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : browser ? 12 : 21;
        var baseline = !args.Contains("--no-baseline");
        var kind = browser ? DemoSiteKind.Nachtlicht : DemoSiteKind.Kontaktbord;
        var scenario = DemoScenario.Generate(seed: 42, adCount: ads, startDate: new DateOnly(2023, 3, 1), days: days);

        Console.WriteLine($"benchmark: {mode} ({kind}, {ads} generated ads, {days} simulated days, politeness off, SQLite, {Environment.ProcessorCount} cores)");
        var shipped = await CrawlDaysAsync(scenario, kind, reverifyDays: null);
        Report("rule (reverifyDays 7)", shipped);
        if (baseline)
        {
            Report("baseline (reverifyDays 0)", await CrawlDaysAsync(scenario, kind, reverifyDays: 0));
        }
        return shipped.All(d => d.Status == "completed") ? 0 : 1;
    }

    private static void Report(string label, IReadOnlyList<Day> crawled)
    {
        var revisits = crawled.Skip(1).ToList(); // day 1 is the first visit: every ad is new
        var requests = revisits.Average(d => d.Requests);
        var hostRequests = revisits.Average(d => d.HostRequests);
        var useful = revisits.Average(d => d.Useful);
        var unchangedFetched = revisits.Sum(d => d.UnchangedFetched) / (double)Math.Max(1, revisits.Sum(d => d.Unchanged));
        Console.WriteLine($"{label}: {revisits.Count} daily revisits, per revisit: {requests:0.0} requests (crawler), {hostRequests:0.0} requests on the host, " +
                          $"{revisits.Average(d => d.Listing):0.0} listing pages, {revisits.Average(d => d.NewOrChanged):0.0} new/changed, " +
                          $"{revisits.Average(d => d.Unchanged):0.0} unchanged ({unchangedFetched:P0} of them fetched), {revisits.Average(d => d.Sighted):0.0} sighted, " +
                          $"{revisits.Average(d => d.ChangedNotFetched):0.0} new/changed not fetched (change not on the card)");
        Console.WriteLine($"  useful (listing + new/changed + unchanged/7): {useful:0.0}; ratio {requests / useful:0.00}x " +
                          $"(host requests {hostRequests / useful:0.00}x); {revisits.Average(d => d.Seconds):0.0} s per revisit; " +
                          $"statuses {string.Join(", ", crawled.GroupBy(d => d.Status).Select(g => $"{g.Key} {g.Count()}"))}");
    }

    private static async Task<IReadOnlyList<Day>> CrawlDaysAsync(DemoScenario scenario, DemoSiteKind kind, int? reverifyDays)
    {
        var browser = kind == DemoSiteKind.Nachtlicht;
        const int pageSize = 24;
        await using var host = await DemoSiteHost.StartAsync(scenario, new DemoSiteHostOptions
        {
            KontaktbordPageSize = pageSize, NachtlichtPageSize = pageSize, CrawlDelaySeconds = 0,
        });
        var folder = Path.Combine(Path.GetTempPath(), "adwatch-revisit-" + Guid.NewGuid().ToString("N"));
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
        if (reverifyDays is { } r)
        {
            site.Listing.ReverifyDays = r;
        }

        // Ground truth from the scenario: what the crawler last saw of each ad, to call today's listing new/changed/unchanged.
        var lastSeen = new Dictionary<string, DemoAdVersion>(StringComparer.Ordinal);
        var result = new List<Day>();
        var runner = services.GetRequiredService<CrawlRunner>();
        for (var date = scenario.StartDate; date <= scenario.EndDate; date = date.AddDays(1))
        {
            host.SimulatedDate = date;
            host[kind].Requests.Clear();
            var listed = scenario.Listing(kind, date);
            var newOrChanged = listed.Count(a => !lastSeen.TryGetValue(a.Id, out var v) || v != a.VersionOn(date));
            var unchangedIds = listed.Where(a => lastSeen.TryGetValue(a.Id, out var v) && v == a.VersionOn(date)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            var run = await runner.RunAsync(site, new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero), "benchmark", CancellationToken.None);
            clock.Stop();
            var log = host[kind].Requests.Snapshot();
            var detailPrefix = browser ? "/ad/" : "/advertentie/";
            var fetched = log.Where(q => q.Path.StartsWith(detailPrefix, StringComparison.Ordinal))
                .Select(q => q.Path[detailPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
            var unchangedFetched = fetched.Count(unchangedIds.Contains);
            // A change the card does not show (body text only) waits for the weekly re-verification: counted, not hidden.
            var changedNotFetched = listed.Count(a => !unchangedIds.Contains(a.Id) && !fetched.Contains(a.Id));
            var listing = Math.Max(1, (listed.Count + pageSize - 1) / pageSize);
            result.Add(new Day(date, run.Status, run.Stats!.Requests, log.Count, listing, newOrChanged, unchangedIds.Count, unchangedFetched,
                changedNotFetched, run.Stats.AdsSighted, clock.Elapsed.TotalSeconds));
            foreach (var ad in listed)
            {
                lastSeen[ad.Id] = ad.VersionOn(date);
            }
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // temp folder; not worth failing the benchmark over
        }
        return result;
    }

    private sealed record Day(DateOnly Date, string Status, long Requests, int HostRequests, int Listing, int NewOrChanged, int Unchanged,
        int UnchangedFetched, int ChangedNotFetched, long Sighted, double Seconds)
    {
        public double Useful => Listing + NewOrChanged + Unchanged / 7.0;
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
