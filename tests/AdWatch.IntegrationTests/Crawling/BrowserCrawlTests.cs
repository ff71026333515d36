using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;
using AdWatch.IntegrationTests.DemoSites;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>The JavaScript demo site through headless Chromium (Debian's, else Playwright's own).</summary>
[Trait("Category", "Browser")]
public sealed class BrowserCrawlTests
{
    [Fact]
    public async Task RunAsync_PassesAgeGateAndStoresRenderedAds_WhenBrowserSite()
    {
        await using var h = await CrawlHarness.StartAsync();
        h.Host.SimulatedDate = TestScenario.Day(2); // a2 and a4 are on Nachtlicht

        var run = await h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        run.Status.ShouldBe("completed", run.HealthNote);
        run.Stats!.AdsNew.ShouldBe(2);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title = 'Bella nueva en Putten' AND location_text LIKE 'Kerkstraat 3%' AND phone_text = '06 87 65 43 21'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE phone_text LIKE 'https://wa.me/31687654321%'")).ShouldBe(1);
        h.Host.Nachtlicht.Requests.Snapshot().Where(r => r.Path.StartsWith("/api/ads", StringComparison.Ordinal))
            .ShouldAllBe(r => r.StatusCode == 200); // the age cookie was set by clicking the gate
        h.Host.Nachtlicht.Requests.CountPathPrefix("/beheer/").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_MarksGone_WhenRenderedAdSaysExpired()
    {
        await using var h = await CrawlHarness.StartAsync();
        await CrawlAsync(h, 2);
        var day4 = await CrawlAsync(h, 4); // a4 (Nachtlicht only, 1–3 March) is gone: 410 from the API, rendered as a notice
        day4.Stats!.AdsSeen.ShouldBe(1);
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'nachtlicht'");
        (await h.Ads.FindAsync(siteId, "a4", CrawlHarness.Ct))!.Status.ShouldBe("missing");
        var fetched = h.Services.GetService(typeof(BrowserFetcher)) is BrowserFetcher b
            ? await b.FetchAsync(new FetchRequest(h.Host.Nachtlicht.Url("ad/a4"), h.Site("nachtlicht")), CrawlHarness.Ct)
            : null;
        System.Text.Encoding.UTF8.GetString(fetched!.Body).ShouldContain("ad-view--expired");
    }

    [Fact]
    public async Task RunAsync_IsSuspect_WhenJavaScriptLayoutRenamed()
    {
        await using var h = await CrawlHarness.StartAsync();
        await CrawlAsync(h, 2);
        h.Host.Nachtlicht.Faults = new DemoFaults { RenamedClasses = true };
        var renamed = await CrawlAsync(h, 3);
        renamed.Status.ShouldBe("suspect");
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads WHERE status <> 'active'")).ShouldBe(0);
    }

    private static Task<CrawlRunResult> CrawlAsync(CrawlHarness h, int day)
    {
        h.Host.SimulatedDate = TestScenario.Day(day);
        return h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(day), "test", CrawlHarness.Ct);
    }
}
