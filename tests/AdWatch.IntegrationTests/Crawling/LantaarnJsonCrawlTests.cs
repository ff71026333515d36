using System.Text.Json;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Lantaarn;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>crawlers/lantaarn-json.yaml over plain HTTP: the /api/ads JSON listing page by page, then each ad's classic page.</summary>
public sealed class LantaarnJsonCrawlTests
{
    [Fact]
    public async Task RunAsync_FollowsTheJsonListing_AndReadsTheClassicPages_WithoutABrowser()
    {
        await using var h = await LantaarnBrowserCrawlTests.StartAsync(revealDelay: false);
        h.Host.SimulatedDate = LantaarnScenario.Day(2);

        var run = await h.Runner.RunAsync(h.Site("lantaarn-json"), CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        run.Status.ShouldBe("completed", run.HealthNote);
        run.Stats!.AdsNew.ShouldBe(LantaarnScenario.AdCount);
        var log = h.Host.Lantaarn.Requests;
        log.Count(DemoRequestKind.ApiListing).ShouldBe(3); // pages 1–3 by "next"; the last says null
        log.Count("/api/ads?page=3").ShouldBe(1);
        log.Count(DemoRequestKind.Detail).ShouldBe(LantaarnScenario.AdCount);
        log.CountPathPrefix("/klassiek/advertentie/").ShouldBe(LantaarnScenario.AdCount);
        log.Count(DemoRequestKind.Script).ShouldBe(0);
        log.Count(DemoRequestKind.Reveal).ShouldBe(0); // no number over HTTP: it sits behind "Toon nummer"
        var rows = await LantaarnBrowserCrawlTests.VersionsAsync(h);
        foreach (var ad in LantaarnScenario.Create().Ads)
        {
            var v = ad.VersionOn(LantaarnScenario.Day(2));
            var row = rows[ad.Id];
            row.Title.ShouldBe(v.Title);
            row.Location.ShouldBe(v.City);
            row.Phone.ShouldBeNull();
            var extras = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Extras!)!;
            extras["area"].ShouldBe(LantaarnFacts.Area(ad.Id, v.City));
            extras.ContainsKey("verified").ShouldBe(LantaarnFacts.Verified(ad.Id), ad.Id);
        }
    }
}
