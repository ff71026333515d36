using System.Diagnostics;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.IntegrationTests.DemoSites;
using AdWatch.Observability;
using AdWatch.Sites;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// The AdWatch meter and spans, wired as the app wires them (<c>AddAdWatch</c>): a crawl of the demo Kontaktbord on loopback,
/// an extraction pass and analysis runs record what the database then holds, not merely "something".
/// </summary>
public sealed class PipelineTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CrawlAndExtraction_RecordRequestsAdsAndVersions_EqualToWhatTheDatabaseHolds()
    {
        await using var db = new CrawlDatabase();
        await db.InitializeAsync();
        await using var sites = await DemoSiteHost.StartAsync(TestScenario.Create(), new DemoSiteHostOptions(), Ct);
        await using var services = Services(db, new Dictionary<string, string?>
        {
            ["Crawling:CrawlersPath"] = CrawlHarness.CrawlersFolder(),
            ["Crawling:RetryBaseDelayMs"] = "20",
            ["Crawling:RetryCount"] = "2",
            ["Crawling:BaseUrlOverrides:kontaktbord"] = sites.Kontaktbord.BaseUrl.AbsoluteUri,
        });
        using var metrics = new MeterRecorder(services.GetRequiredService<AdWatchTelemetry>().Meter);
        using var spans = new SpanRecorder();
        var catalog = services.GetRequiredService<SiteCatalog>();
        var site = catalog.Get("kontaktbord");
        site.Politeness.DelayMs = 0;
        var runner = services.GetRequiredService<CrawlRunner>();

        sites.SimulatedDate = TestScenario.Day(2);
        var first = await runner.RunAsync(site, CrawlHarness.Morning(2), "test", Ct);
        sites.SimulatedDate = TestScenario.Day(4); // a1 has changed its title since; a3 is new, and its page answers 500
        sites.Kontaktbord.Faults = new DemoFaults { PathPrefix = "/advertentie/a3", ServerError = new DemoServerError() };
        var second = await runner.RunAsync(site, CrawlHarness.Morning(4), "test", Ct);
        var extracted = await services.GetRequiredService<ExtractionPass>().RunAsync(Ct);

        await using var c = await db.Database.OpenAsync(Ct);
        var stored = (await c.QueryAsync<(string Kind, string Outcome, string? Error, long Count)>("""
            SELECT kind, COALESCE(outcome, status), error_kind, COUNT(*) FROM crawl_requests
            WHERE outcome IS NULL OR outcome <> 'sighted' GROUP BY kind, COALESCE(outcome, status), error_kind
            """)).ToList();
        var recorded = metrics.Of("adwatch.crawl.requests")
            .GroupBy(m => (Kind: m.Tags["kind"]!, Outcome: m.Tags["outcome"]!, Error: m.Tags.GetValueOrDefault("error")))
            .Select(g => (g.Key.Kind, g.Key.Outcome, g.Key.Error, Count: (long)g.Sum(m => m.Value))).ToList();
        stored.ShouldContain(("ad", "failed", "http-500", 1L));
        recorded.OrderBy(r => r.ToString(), StringComparer.Ordinal).ShouldBe(stored.OrderBy(r => r.ToString(), StringComparer.Ordinal));
        metrics.Of("adwatch.crawl.requests").ShouldAllBe(m => m.Tags["site"] == "kontaktbord");

        long Ads(string change) => (long)metrics.Of("adwatch.crawl.ads").Where(m => m.Tags["change"] == change).Sum(m => m.Value);
        Ads("new").ShouldBe(first.Stats!.AdsNew + second.Stats!.AdsNew);
        Ads("new").ShouldBe(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ads"));
        Ads("changed").ShouldBe(first.Stats.AdsChanged + second.Stats.AdsChanged);
        Ads("changed").ShouldBeGreaterThan(0);
        metrics.Of("adwatch.crawl.runs").Select(m => m.Tags["status"]).ShouldBe([first.Status, second.Status]);
        metrics.Of("adwatch.crawl.run.duration").Count.ShouldBe(2);
        metrics.Of("adwatch.crawl.run.duration").ShouldAllBe(m => m.Value > 0);

        extracted.ShouldBe(await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ad_versions WHERE extracted_at IS NOT NULL"));
        extracted.ShouldBeGreaterThan(0);
        metrics.Of("adwatch.extraction.versions").Sum(m => m.Value).ShouldBe(extracted);
        metrics.Of("adwatch.extraction.duration").ShouldHaveSingleItem().Value.ShouldBeGreaterThan(0);

        var runs = spans.Named("crawl.run");
        runs.Select(s => s.GetTagItem("adwatch.run_id")).ShouldBe([first.RunId, second.RunId]);
        runs.ShouldAllBe(s => (string?)s.GetTagItem("adwatch.site") == "kontaktbord");
        spans.Named("extraction.pass").ShouldHaveSingleItem().GetTagItem("adwatch.versions").ShouldBe(extracted);
    }

    [Fact]
    public async Task AnalysisRun_RecordsDurationAndFlagsPerMunicipality_EqualToTheFlaggedLocations()
    {
        await using var db = new CrawlDatabase();
        await db.InitializeAsync();
        await using var services = Services(db, []);
        using var metrics = new MeterRecorder(services.GetRequiredService<AdWatchTelemetry>().Meter);
        using var spans = new SpanRecorder();
        var seed = new AnalysisSeed(db.Database);
        // Three women at one house four days each (AnalysisPipelineSuite's rotation), each with her own phone.
        await seed.AdAsync("r1", "Luna – nieuw in Harderwijk", "Hoi, ik ben Luna, net aangekomen. Bel me voor een afspraak bij mij thuis, discreet en schoon.",
            ["+31611110001"], AnalysisSeed.House, 0x1111_1111_1111_1111, 0, 4, Ct);
        await seed.AdAsync("r2", "Nieuw!", "Hallo schat, zoete verrassing deze week alleen in Harderwijk, kom snel langs want ik blijf maar kort.",
            ["+31611110002"], AnalysisSeed.House, 0x2222_2222_2222_2222, 6, 4, Ct);
        await seed.AdAsync("r3", "Top service", "Latina bomba, de hele week beschikbaar, privé ontvangst, parkeren voor de deur, bel of app.",
            ["+31611110003"], AnalysisSeed.House, 0x4444_4444_4444_4444, 12, 4, Ct);
        var runner = services.GetRequiredService<AnalysisRunner>();

        metrics.Observe();
        metrics.Of("adwatch.flags").ShouldBeEmpty();
        var run = await runner.RunAsync(AnalysisSeed.Day0.AddDays(20).AddHours(14), null, Ct);
        metrics.Observe();

        run.Report.Locations.ShouldNotBeEmpty();
        var expected = run.Report.Locations.GroupBy(l => l.MunicipalityCode ?? "unknown").ToDictionary(g => g.Key, g => (double)g.Count());
        expected.ShouldContainKey("GM0243");
        metrics.Of("adwatch.flags").ToDictionary(m => m.Tags["municipality"]!, m => m.Value).ShouldBe(expected);
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM flags")).ShouldBe((long)expected.Values.Sum());
        }
        metrics.Of("adwatch.analysis.duration").ShouldHaveSingleItem();
        spans.Named("analysis.run").ShouldHaveSingleItem().GetTagItem("adwatch.flagged").ShouldBe(run.Report.Locations.Count);
    }

    /// <summary>The library wired as the app does, on the test's database; nothing reaches beyond loopback.</summary>
    private static ServiceProvider Services(CrawlDatabase db, Dictionary<string, string?> settings) => new ServiceCollection()
        .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(db.Database)
        .AddAdWatch(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = db.Path,
            ["Crawling:LeaseSeconds"] = "5",
        }.Concat(settings)).Build())
        .BuildServiceProvider();
}
