using System.Text.RegularExpressions;
using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.IntegrationTests.DemoSites;
using AdWatch.Sites;
using AdWatch.Tests.Geocoding;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Privacy;

/// <summary>
/// Logs are read by more people than the dossiers, and kept elsewhere: a crawl and extraction of a demo site, logged at
/// every level, name no ad URL, image URL or phone (issue 16). The site name and a short reference correlate instead.
/// </summary>
public sealed class LogContentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrawlAndExtraction_LogNoAdUrlNoImageUrlAndNoPhone()
    {
        var logs = new CapturingLoggerProvider();
        await using var db = new CrawlDatabase();
        await db.InitializeAsync();
        await using var sites = await DemoSiteHost.StartAsync(TestScenario.Create(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, Ct);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = db.Path,
            ["Crawling:CrawlersPath"] = CrawlHarness.CrawlersFolder(),
            ["Crawling:RetryBaseDelayMs"] = "20",
            ["Crawling:RetryCount"] = "1",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton(db.Database)
            .AddAdWatch(config)
            .BuildServiceProvider();
        var catalog = services.GetRequiredService<SiteCatalog>();
        var site = catalog.Get("kontaktbord").WithBaseUrl(sites.Kontaktbord.BaseUrl.AbsoluteUri);
        site.Politeness.DelayMs = 0;
        catalog.Put(site);

        sites.SimulatedDate = TestScenario.Day(1);
        await services.GetRequiredService<CrawlRunner>().RunAsync(site, CrawlHarness.Morning(1), "test", Ct);
        sites.Kontaktbord.Faults = new DemoFaults { PathPrefix = "/img/", ServerError = new DemoServerError() };
        (await services.GetRequiredService<ExtractionPass>().RunAsync(Ct)).ShouldBeGreaterThan(0);

        await using var c = await db.Database.OpenAsync(Ct);
        var adPaths = (await c.QueryAsync<string>("SELECT url FROM ads")).Select(u => new Uri(u).AbsolutePath).ToList();
        var imagePaths = (await c.QueryAsync<string>("SELECT url FROM image_hashes")).Select(u => new Uri(u).AbsolutePath).ToList();
        var phones = (await c.QueryAsync<string>("SELECT e164 FROM phones")).ToList();
        adPaths.ShouldNotBeEmpty();
        imagePaths.ShouldNotBeEmpty();
        phones.ShouldNotBeEmpty();
        var lines = logs.Entries.Select(e => e.Message).ToList();
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            var digits = Regex.Replace(line, @"(?<=\d)[\s\-./()]+(?=\d)", "");
            adPaths.ShouldAllBe(p => !line.Contains(p), line);
            imagePaths.ShouldAllBe(p => !line.Contains(p), line);
            phones.Select(p => p[3..]).ShouldAllBe(p => !digits.Contains(p), line);
        }
        lines.ShouldContain(l => l.Contains("kontaktbord", StringComparison.Ordinal) && l.Contains("Image", StringComparison.Ordinal));
    }
}
