using AdWatch.Crawling;
using AdWatch.IntegrationTests.DemoSites;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// The revisit rule over simulated days of Kontaktbord: an unchanged listing card is a sighting, the ad page is fetched
/// only when the ad is new, its card changed or its page was last verified more than <c>listing.reverifyDays</c> ago.
/// </summary>
public sealed class RevisitEconomyTests
{
    [Fact]
    public async Task RunAsync_FetchesOnlyNewAndChangedAds_WhenRevisitedNextDay()
    {
        await using var h = await CrawlHarness.StartAsync();
        var day2 = await h.CrawlDayAsync(2); // a1, a2, a5 new
        day2.Stats!.AdsNew.ShouldBe(3);

        h.Host.Kontaktbord.Requests.Clear();
        var day3 = await h.CrawlDayAsync(3); // a1's card shows its new title; a2 and a5 as they were
        AdRequests(h).ShouldBe(["/advertentie/a1"]);
        day3.Status.ShouldBe("completed", day3.HealthNote);
        day3.Stats!.ShouldSatisfyAllConditions(
            s => s.AdsChanged.ShouldBe(1), s => s.AdsSighted.ShouldBe(2), s => s.AdsSeen.ShouldBe(3), s => s.Requests.ShouldBe(2)); // listing + a1

        h.Host.Kontaktbord.Requests.Clear();
        var day4 = await h.CrawlDayAsync(4); // a3 new, the rest unchanged
        AdRequests(h).ShouldBe(["/advertentie/a3"]);
        day4.Status.ShouldBe("completed", day4.HealthNote);
        day4.Stats!.AdsNew.ShouldBe(1);
        day4.Stats.AdsSighted.ShouldBe(3);

        h.Host.Kontaktbord.Requests.Clear();
        var day5 = await h.CrawlDayAsync(5); // nothing new: only the listing is fetched, and the run is healthy
        AdRequests(h).ShouldBeEmpty();
        day5.Status.ShouldBe("completed", day5.HealthNote);
        day5.Stats!.AdsSighted.ShouldBe(4);
        day5.Stats.AdsSeen.ShouldBe(4);

        // Each sighting is an observation of the ad on that day, so stays count the day.
        (await h.ScalarAsync($"SELECT COUNT(*) FROM observations WHERE run_id = {day5.RunId} AND source = 'listing'")).ShouldBe(4);
        (await h.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(3 + 3 + 4 + 4);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions")).ShouldBe(5); // a1 twice, a2, a3, a5
    }

    [Fact]
    public async Task RunAsync_CountsSightedAdsAsSeen_AndJudgesFieldCoverageOnFetchedPagesOnly()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(2); // a1, a2, a5 fetched
        var day3 = await h.CrawlDayAsync(3); // a1 fetched (changed card), a2 and a5 sighted
        await h.CrawlDayAsync(4); // a3 fetched, three sighted
        var day5 = await h.CrawlDayAsync(5); // all four sighted, no ad page fetched
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        var captures = h.Services.GetRequiredService<ICaptureStore>();

        day5.Status.ShouldBe("completed", day5.HealthNote);
        // The field-coverage check sees the fetched page only, never the stored versions behind a sighting.
        (await captures.FieldsSeenInRunAsync(day3.RunId, CrawlHarness.Ct)).Count.ShouldBe(1);
        (await captures.FieldsSeenInRunAsync(day5.RunId, CrawlHarness.Ct)).ShouldBeEmpty();
        // The rolling median counts sightings, so a quiet run is measured against what the listing showed.
        (await h.Runs.RecentHealthyAdCountsAsync(siteId, excludeRunId: 0, window: 10, CrawlHarness.Ct)).ShouldBe([4, 4, 3, 3]);
        foreach (var id in (string[])["a1", "a2", "a3", "a5"])
        {
            var ad = await Ad(h, id);
            ad.ShouldSatisfyAllConditions(a => a.Status.ShouldBe("active", id), a => a.MissingRuns.ShouldBe(0, id),
                a => a.LastSeenAt.ShouldBe(CrawlHarness.Morning(5), id));
        }
    }

    [Fact]
    public async Task RunAsync_ReverifiesAnUnchangedAd_WhenLastVerifiedMoreThanSevenDaysAgo()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(1); // a5 (1–20 March, never changes) verified on 1 March
        for (var day = 2; day <= 8; day++)
        {
            h.Host.Kontaktbord.Requests.Clear();
            await h.CrawlDayAsync(day);
            AdRequests(h).ShouldNotContain("/advertentie/a5", $"day {day}");
        }

        h.Host.Kontaktbord.Requests.Clear();
        var day9 = await h.CrawlDayAsync(9); // eight days after its last verification

        var a5 = h.Host.Kontaktbord.Requests.Snapshot().Where(r => r.Path == "/advertentie/a5").ShouldHaveSingleItem();
        a5.Headers.ShouldContainKey("If-None-Match"); // still a conditional GET: the page did not change
        a5.StatusCode.ShouldBe(304);
        day9.Stats!.AdsUnchanged.ShouldBe(1);
        (await Ad(h, "a5")).VerifiedAt.ShouldBe(CrawlHarness.Morning(9));
        AdRequests(h).ShouldNotContain("/advertentie/a2"); // verified on 2 March: due on the 10th
    }

    [Fact]
    public async Task RunAsync_FetchesTheAdAndStoresItsNewCard_WhenItsCardChanged()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(2);
        var before = await Ad(h, "a1");

        h.Host.Kontaktbord.Requests.Clear();
        await h.CrawlDayAsync(3); // a1's title changed on the listing and on its page

        AdRequests(h).ShouldContain("/advertentie/a1");
        var after = await Ad(h, "a1");
        before.CardHash.ShouldNotBeNull();
        after.CardHash.ShouldNotBeNull();
        after.CardHash.ShouldNotBe(before.CardHash);
        after.VerifiedAt.ShouldBe(CrawlHarness.Morning(3));
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions v JOIN ads a ON a.id = v.ad_id WHERE a.external_id = 'a1'")).ShouldBe(2);

        h.Host.Kontaktbord.Requests.Clear();
        await h.CrawlDayAsync(4); // the new card is the known card now
        AdRequests(h).ShouldNotContain("/advertentie/a1");
    }

    [Fact]
    public async Task RunAsync_StillMarksGone_WhenASightedAdLeavesTheListing()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(5); // a3 online 4–6 March
        h.Host.Kontaktbord.Requests.Clear();
        await h.CrawlDayAsync(6);
        AdRequests(h).ShouldNotContain("/advertentie/a3"); // seen from its card only
        (await Ad(h, "a3")).Status.ShouldBe("active");

        await h.CrawlDayAsync(7); // not listed: missing once
        (await Ad(h, "a3")).Status.ShouldBe("missing");
        await h.CrawlDayAsync(8); // second healthy run without it: gone
        (await Ad(h, "a3")).Status.ShouldBe("gone");

        h.Host.Kontaktbord.Requests.Clear();
        await h.CrawlDayAsync(15); // back with the same card: a gone ad's page is always fetched
        AdRequests(h).ShouldContain("/advertentie/a3");
        (await Ad(h, "a3")).Status.ShouldBe("active");
    }

    [Fact]
    public async Task RunAsync_FetchesEveryListedAd_WhenReverifyDaysIsZero()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Listing.ReverifyDays = 0;
        await h.CrawlDayAsync(4, site);
        h.Host.Kontaktbord.Requests.Clear();

        var day5 = await h.CrawlDayAsync(5, site);

        AdRequests(h).Count.ShouldBe(4);
        day5.Stats!.AdsSighted.ShouldBe(0);
        day5.Stats.AdsUnchanged.ShouldBe(4);
    }

    [Fact]
    public async Task RunAsync_SightsAnUnchangedAdByItsUrl_WhenTheIdIsOnThePageOnly()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Ad.IdFromUrl = null;
        site.Ad.IdSelector = "article.ad-detail@data-ad-id"; // as on a site whose URL is an opaque token
        await h.CrawlDayAsync(2, site); // a1, a2, a5 new
        h.Host.Kontaktbord.Requests.Clear();

        var day3 = await h.CrawlDayAsync(3, site); // a1's card shows its new title; a2 and a5 as they were

        AdRequests(h).ShouldBe(["/advertentie/a1"]);
        day3.Status.ShouldBe("completed", day3.HealthNote);
        day3.Stats!.AdsChanged.ShouldBe(1);
        day3.Stats.AdsSighted.ShouldBe(2);
        (await h.ScalarAsync($"SELECT COUNT(*) FROM observations WHERE run_id = {day3.RunId} AND source = 'listing'")).ShouldBe(2);
        (await Ad(h, "a2")).Status.ShouldBe("active");
    }

    private static List<string> AdRequests(CrawlHarness h) =>
        [.. h.Host.Kontaktbord.Requests.Snapshot().Where(r => r.Path.StartsWith("/advertentie/", StringComparison.Ordinal)).Select(r => r.Path).Order()];

    private static async Task<AdWatch.Evidence.AdRow> Ad(CrawlHarness h, string id)
    {
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        return (await h.Ads.FindAsync(siteId, id, CrawlHarness.Ct))!;
    }
}

/// <summary>The same revisit rule on the JavaScript site: an unchanged card is not rendered again in Chromium.</summary>
[Trait("Category", "Browser")]
[Collection(nameof(ProcessTreeCollection))]
public sealed class BrowserRevisitEconomyTests
{
    [Fact]
    public async Task RunAsync_RendersOnlyNewChangedOrDueAds_WhenBrowserSiteRevisited()
    {
        try
        {
            AdWatch.Browser.BrowserLocator.Resolve(null);
        }
        catch (InvalidOperationException ex)
        {
            Assert.Skip(ex.Message);
        }
        await using var h = await CrawlHarness.StartAsync();
        var day2 = await CrawlAsync(h, 2); // a2 and a4 new
        day2.Stats!.AdsNew.ShouldBe(2);

        h.Host.Nachtlicht.Requests.Clear();
        var day3 = await CrawlAsync(h, 3); // both cards unchanged: no ad page rendered
        day3.Status.ShouldBe("completed", day3.HealthNote);
        day3.Stats!.AdsSighted.ShouldBe(2);
        DetailLoads(h).ShouldBeEmpty();

        await CrawlAsync(h, 4); // a4 (1–3 March) left the listing; a2 alone on it keeps its card (listing.cardSelector)
        (await Status(h, "a4")).ShouldBe("missing");
        await CrawlAsync(h, 5);
        (await Status(h, "a4")).ShouldBe("gone");
        (await Status(h, "a2")).ShouldBe("active");

        h.Host.Nachtlicht.Requests.Clear();
        var day10 = await CrawlAsync(h, 10); // a2 last verified on 2 March: rendered again
        DetailLoads(h).ShouldBe(["/ad/a2"]);
        day10.Stats!.AdsUnchanged.ShouldBe(1);
        day10.Stats.AdsSighted.ShouldBe(0);
    }

    private static List<string> DetailLoads(CrawlHarness h) =>
        [.. h.Host.Nachtlicht.Requests.Snapshot().Where(r => r.Path.StartsWith("/ad/", StringComparison.Ordinal)).Select(r => r.Path).Distinct().Order()];

    private static async Task<string> Status(CrawlHarness h, string id)
    {
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'nachtlicht'");
        return (await h.Ads.FindAsync(siteId, id, CrawlHarness.Ct))!.Status;
    }

    private static Task<CrawlRunResult> CrawlAsync(CrawlHarness h, int day)
    {
        h.Host.SimulatedDate = TestScenario.Day(day);
        return h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(day), "test", CrawlHarness.Ct);
    }
}
