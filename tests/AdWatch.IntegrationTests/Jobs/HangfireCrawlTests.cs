using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Dapper;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>
/// The scheduled path, end to end in one process: the app's Hangfire server (embedded SQLite storage) runs the recurring
/// crawl jobs registered from crawlers/*.yaml against the demo sites, and each crawl enqueues extraction and analysis.
/// </summary>
public sealed class HangfireCrawlTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-jobs-");
    private DemoSiteHost? _sites;

    public async ValueTask InitializeAsync() =>
        _sites = await DemoSiteHost.StartAsync(DemoScenario.Generate(11, 24, new DateOnly(2023, 3, 1), 10),
            new DemoSiteHostOptions { CrawlDelaySeconds = 0 });

    [Fact]
    public async Task RecurringCrawls_RunThroughHangfire_AndEnqueueExtractionAndAnalysis()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = File.Exists(BrowserLocator.DebianChromium);
        // The demo sites are local: scheduled only when named.
        var app = WebApp.Build(new AppSettings(Path.Combine(_dir.FullName, "jobs.db"), null), "http://127.0.0.1:0",
            b => b.Configuration.AddInMemoryCollection([new("Jobs:ScheduleLocalSites:0", "kontaktbord"), new("Jobs:ScheduleLocalSites:1", "nachtlicht")]));
        await AppHost.MigrateAsync(app.Services, ct);
        var catalog = app.Services.GetRequiredService<SiteCatalog>();
        foreach (var (name, url) in new[] { ("kontaktbord", _sites!.Kontaktbord.BaseUrl), ("nachtlicht", _sites.Nachtlicht.BaseUrl) })
        {
            var site = catalog.Get(name).WithBaseUrl(url.ToString());
            site.Politeness.DelayMs = 0;
            catalog.Put(site);
        }
        await app.StartAsync(ct);
        try
        {
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            recurring.Trigger("crawl:kontaktbord");
            if (browser)
            {
                recurring.Trigger("crawl:nachtlicht");
            }

            var database = app.Services.GetRequiredService<Database>();
            var expected = browser ? 2 : 1;
            var (runs, analyses, ads, extracted) = (0L, 0L, 0L, 0L);
            for (var i = 0; i < 240 && (runs < expected || analyses < expected || extracted < ads || ads == 0); i++)
            {
                await Task.Delay(500, ct);
                await using var c = await database.OpenAsync(ct);
                runs = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM crawl_runs WHERE status = 'completed' AND trigger = 'schedule'");
                analyses = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM analysis_runs");
                ads = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ad_versions");
                extracted = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ad_versions WHERE extracted_at IS NOT NULL");
            }

            runs.ShouldBe(expected);
            analyses.ShouldBeGreaterThanOrEqualTo(expected);
            var online = _sites.Scenario.Listing(DemoSiteKind.Kontaktbord, _sites.SimulatedDate).Count
                         + (browser ? _sites.Scenario.Listing(DemoSiteKind.Nachtlicht, _sites.SimulatedDate).Count : 0);
            ads.ShouldBe(online);
            extracted.ShouldBe(ads);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sites is not null)
        {
            await _sites.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
