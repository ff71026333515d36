using AdWatch.Evidence;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.IntegrationTests.DemoSites;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>The demo sites on loopback, a migrated temp database and the crawling services wired as in the app.</summary>
internal sealed class CrawlHarness : IAsyncDisposable
{
    private CrawlHarness(CrawlDatabase db, DemoSiteHost host, ServiceProvider services)
    {
        Db = db;
        Host = host;
        Services = services;
    }

    public CrawlDatabase Db { get; }
    public DemoSiteHost Host { get; }
    public ServiceProvider Services { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public CrawlRunner Runner => Services.GetRequiredService<CrawlRunner>();
    public HttpFetcher Http => Services.GetRequiredService<HttpFetcher>();
    public AdStore Ads => Services.GetRequiredService<AdStore>();
    public CrawlRunStore Runs => Services.GetRequiredService<CrawlRunStore>();

    public static async Task<CrawlHarness> StartAsync(Dictionary<string, string?>? settings = null, DemoScenario? scenario = null,
        DemoSiteHostOptions? hostOptions = null)
    {
        var db = new CrawlDatabase();
        await db.InitializeAsync();
        var host = await DemoSiteHost.StartAsync(scenario ?? TestScenario.Create(), hostOptions ?? new DemoSiteHostOptions(), Ct);
        var values = new Dictionary<string, string?>
        {
            ["Crawling:CrawlersPath"] = CrawlersFolder(),
            ["Crawling:RetryBaseDelayMs"] = "20",
            ["Crawling:RetryCount"] = "2",
            ["Crawling:LeaseSeconds"] = "5",
            ["Crawling:BaseUrlOverrides:kontaktbord"] = host.Kontaktbord.BaseUrl.AbsoluteUri,
            ["Crawling:BaseUrlOverrides:nachtlicht"] = host.Nachtlicht.BaseUrl.AbsoluteUri,
            ["Crawling:BaseUrlOverrides:lantaarn"] = host.Lantaarn.BaseUrl.AbsoluteUri,
            ["Crawling:BaseUrlOverrides:lantaarn-json"] = host.Lantaarn.BaseUrl.AbsoluteUri,
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value; // a test's setting wins over the harness default
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new StorageOptions { DatabasePath = db.Path }))
            .AddSingleton(db.Database)
            .AddAdWatchCrawling(config)
            .AddAdWatchEvidence()
            .BuildServiceProvider();
        return new CrawlHarness(db, host, services);
    }

    /// <summary>The site's YAML, read fresh, pointed at the running demo site, politeness off unless asked.</summary>
    public SiteDefinition Site(string name, int delayMs = 0)
    {
        var site = SiteDefinitionLoader.LoadFile(Path.Combine(CrawlersFolder(), name + ".yaml"));
        var demo = name switch
        {
            "kontaktbord" => Host.Kontaktbord,
            "lantaarn" or "lantaarn-json" => Host.Lantaarn,
            _ => Host.Nachtlicht,
        };
        site = site.WithBaseUrl(demo.BaseUrl.AbsoluteUri);
        site.Politeness.DelayMs = delayMs;
        return site;
    }

    public static DateTimeOffset Morning(int dayOfMarch) => new(2023, 3, dayOfMarch, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Sets the demo date and crawls Kontaktbord as of that morning.</summary>
    public Task<CrawlRunResult> CrawlDayAsync(int dayOfMarch, SiteDefinition? site = null)
    {
        Host.SimulatedDate = TestScenario.Day(dayOfMarch);
        return Runner.RunAsync(site ?? Site("kontaktbord"), Morning(dayOfMarch), "test", Ct);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var c = await Db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string CrawlersFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "crawlers")) && File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
            {
                return Path.Combine(dir.FullName, "crawlers");
            }
        }
        throw new DirectoryNotFoundException("crawlers/ not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Host.DisposeAsync();
        await Db.DisposeAsync();
    }
}
