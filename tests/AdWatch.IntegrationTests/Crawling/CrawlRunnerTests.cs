using AdWatch.DemoSites.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>Whole runs of Kontaktbord: stats, conditional GET, lifecycle hysteresis, health gate, snapshots.</summary>
public sealed class CrawlRunnerTests
{
    [Fact]
    public async Task RunAsync_StoresEveryListedAdWithFields_WhenSiteHealthy()
    {
        await using var h = await CrawlHarness.StartAsync();
        var run = await h.CrawlDayAsync(4); // a1, a2, a3, a5 are online on 4 March

        run.Status.ShouldBe("completed");
        run.Stats!.AdsNew.ShouldBe(4);
        run.Stats.ErrorsByKind.ShouldBeEmpty();
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        var ads = await h.Ads.ListAsync(siteId, CrawlHarness.Ct);
        ads.Select(a => a.ExternalId).ShouldBe(["a1", "a2", "a3", "a5"]);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title IS NULL OR body_text IS NULL OR posted_text IS NULL")).ShouldBe(0);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title = 'Luna laatste dagen' AND phone_text = 'nul zes 12345678' AND location_text LIKE 'Stationslaan 14%'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE phone_text LIKE 'https://wa.me/%'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE evidence_id IS NULL")).ShouldBe(0);
        (await h.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(4);
        h.Host.Kontaktbord.Requests.CountPathPrefix("/prive/").ShouldBe(0);
        h.Host.Kontaktbord.Requests.Count("/robots.txt").ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_CountsUnchangedVia304_WhenRevisitedSameDay()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(4);
        h.Host.Kontaktbord.Requests.Clear();
        h.Host.SimulatedDate = DemoSites.TestScenario.Day(4);
        var site = h.Site("kontaktbord");
        site.Listing.ReverifyDays = 0; // every listed ad's page, so each is a conditional GET (unchanged cards: RevisitEconomyTests)
        var again = await h.Runner.RunAsync(site, CrawlHarness.Morning(4).AddHours(6), "test", CrawlHarness.Ct);

        again.Stats!.AdsUnchanged.ShouldBe(4);
        again.Stats.AdsNew.ShouldBe(0);
        again.Stats.RequestsByStatus["304"].ShouldBe(4);
        h.Host.Kontaktbord.Requests.Snapshot().Where(r => r.Path.StartsWith("/advertentie/", StringComparison.Ordinal))
            .ShouldAllBe(r => r.Headers.ContainsKey("If-None-Match"));
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions")).ShouldBe(4);
        (await h.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(8);
    }

    [Fact]
    public async Task RunAsync_StoresNewVersion_WhenAdContentChanged()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(2);
        var day3 = await h.CrawlDayAsync(3); // a1 changes title on 3 March

        day3.Stats!.AdsChanged.ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions v JOIN ads a ON a.id = v.ad_id WHERE a.external_id = 'a1'")).ShouldBe(2);
        (await h.ScalarAsync("SELECT COUNT(*) FROM evidence_blobs")).ShouldBe(4); // a1 twice, a2 and a5 once
    }

    [Fact]
    public async Task RunAsync_MarksGoneOnlyAfterTwoHealthyRunsWithoutIt_WhenAdSilentlyDisappears()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(5); // a3 online 4–6 March
        await h.CrawlDayAsync(6);
        await h.CrawlDayAsync(7); // a3 not listed: missing once
        (await Status(h, "a3")).ShouldBe("missing");
        await h.CrawlDayAsync(8); // second healthy run without it: gone
        (await Status(h, "a3")).ShouldBe("gone");
        await h.CrawlDayAsync(15); // back online
        (await Status(h, "a3")).ShouldBe("active");
    }

    [Fact]
    public async Task RunAsync_MarksGoneAtOnce_When410OrExpiredPage()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        await h.CrawlDayAsync(5, site);
        // Listing no longer shows a1 after 5 March; an explicit 410 comes only when the ad URL is requested.
        site.Listing.StartUrls.Add("/advertentie/a1");
        site.Listing.AdUrlPattern = null;
        site.Listing.AdLinkSelector = "ul.ad-list a.ad-link";
        h.Host.SimulatedDate = DemoSites.TestScenario.Day(6);
        var ad = await h.Http.FetchAsync(new AdWatch.Crawling.FetchRequest(h.Host.Kontaktbord.Url("advertentie/a1"), site), CrawlHarness.Ct);
        ad.StatusCode.ShouldBe(410);
        await AssertExplicitGoneAsync(h, "a1", 6);
        await AssertExplicitGoneAsync(h, "a2", 11); // a2 shows an expired page from 11 March
    }

    private static async Task AssertExplicitGoneAsync(CrawlHarness h, string id, int day)
    {
        // Crawl the ad page directly as a one-page "listing" + ad: the runner treats a 410/expired ad page as gone.
        var site = h.Site("kontaktbord");
        site.Listing.StartUrls = [$"/advertenties"];
        h.Host.SimulatedDate = DemoSites.TestScenario.Day(day);
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        var runId = await h.Runs.CreateAsync(siteId, "test", CrawlHarness.Morning(day), "other", CrawlHarness.Morning(day), CrawlHarness.Morning(day), CrawlHarness.Ct);
        await h.Runs.EnqueueAsync(runId, h.Host.Kontaktbord.Url($"advertentie/{id}").AbsoluteUri, "ad", null, CrawlHarness.Ct);
        var run = await h.Runner.RunAsync(site, null, "test", CrawlHarness.Ct); // resumes the prepared run (its lease is expired)
        run.RunId.ShouldBe(runId);
        run.Stats!.AdsGoneExplicit.ShouldBe(1);
        (await Status(h, id)).ShouldBe("gone");
    }

    [Fact]
    public async Task RunAsync_IsSuspectAndRemovesNothing_WhenCaptchaServedWith200()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(4);
        await h.CrawlDayAsync(5);
        h.Host.Kontaktbord.Faults = new DemoFaults { Captcha = true };
        var blocked = await h.CrawlDayAsync(6);
        var blocked2 = await h.CrawlDayAsync(7);

        blocked.Status.ShouldBe("suspect");
        blocked2.Status.ShouldBe("suspect");
        blocked.HealthNote!.ShouldContain("blocked");
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads WHERE status <> 'active'")).ShouldBe(0);
        var snapshots = await h.Runs.GetErrorSnapshotsAsync(blocked.RunId, CrawlHarness.Ct);
        snapshots.Single().ErrorKind.ShouldBe("blocked");
        var page = await h.Services.GetService<AdWatch.Evidence.EvidenceStore>()!.GetAsync(snapshots.Single().EvidenceId!.Value, CrawlHarness.Ct);
        System.Text.Encoding.UTF8.GetString(page!.Content).ShouldContain("captcha");
    }

    [Fact]
    public async Task RunAsync_IsSuspectAndRemovesNothing_WhenLayoutRenamed()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(4);
        await h.CrawlDayAsync(5);
        h.Host.Kontaktbord.Faults = new DemoFaults { RenamedClasses = true };
        var renamed = await h.CrawlDayAsync(6);
        await h.CrawlDayAsync(7);

        renamed.Status.ShouldBe("suspect");
        renamed.HealthNote!.ShouldContain("median");
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads WHERE status <> 'active'")).ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_IsSuspect_WhenDetailFieldsVanish()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Ad.Fields.Title = "h1.profile-name";
        site.Ad.Fields.Text = ".profile-about";
        site.Ad.Fields.Location = ".profile-address";
        site.Ad.Fields.Phone = ".profile-contact";
        var run = await h.CrawlDayAsync(4, site);
        run.Status.ShouldBe("suspect");
        run.HealthNote!.ShouldContain("field coverage");
    }

    [Fact]
    public async Task RunAsync_RecordsErrorKindsAndSnapshot_WhenAdPagesFail()
    {
        await using var h = await CrawlHarness.StartAsync();
        h.Host.Kontaktbord.Faults = new DemoFaults { PathPrefix = "/advertentie/a2", ServerError = new DemoServerError() };
        var run = await h.CrawlDayAsync(4);
        run.Stats!.ErrorsByKind["http-500"].ShouldBe(1);
        run.Stats.Retries.ShouldBe(2);
        run.Stats.AdsNew.ShouldBe(3);
        (await h.Runs.GetErrorSnapshotsAsync(run.RunId, CrawlHarness.Ct)).Single().Url.ShouldEndWith("/advertentie/a2");
    }

    [Fact]
    public async Task RunAsync_Fails_WithTheRealErrorKind_WhenTheStartUrlCannotBeFetched()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord").WithBaseUrl($"http://127.0.0.1:{LoopbackPort.Free()}/");

        var run = await h.Runner.RunAsync(site, CrawlHarness.Morning(4), "test", CrawlHarness.Ct);

        run.Status.ShouldBe("failed");
        run.Stats!.ErrorsByKind.ShouldBe(new Dictionary<string, long> { ["connection-refused"] = 1 });
        run.Failure.ShouldNotBeNull();
        run.Failure.Url.ShouldEndWith("/advertenties");
        run.Failure.Message.ShouldStartWith("connection refused");
        run.HealthNote.ShouldBeNull();
    }

    [Fact]
    public async Task RunAsync_FailsWithTheStatusKind_WhenRobotsTxtAnswers500()
    {
        await using var h = await CrawlHarness.StartAsync();
        h.Host.Kontaktbord.Faults = new DemoFaults { PathPrefix = "/robots.txt", ServerError = new DemoServerError() };

        var run = await h.CrawlDayAsync(4);

        run.Status.ShouldBe("failed");
        run.Stats!.ErrorsByKind.Keys.ShouldBe(["http-500"]);
        run.Failure!.Message.ShouldContain("robots.txt");
    }

    [Fact]
    public async Task RunAsync_ReturnsAlreadyRunning_WhenAnotherWorkerHoldsTheLease()
    {
        await using var h = await CrawlHarness.StartAsync();
        var siteId = await h.ScalarAsync("SELECT 0");
        var site = h.Site("kontaktbord");
        var sid = await h.Services.GetService<AdWatch.Sites.SiteStore>()!.EnsureAsync(site, false, CrawlHarness.Ct);
        var far = DateTimeOffset.MaxValue.AddYears(-1);
        var runId = await h.Runs.CreateAsync(sid, "test", CrawlHarness.Morning(4), "someone-else", CrawlHarness.Morning(4), far, CrawlHarness.Ct);
        var result = await h.Runner.RunAsync(site, null, "test", CrawlHarness.Ct);
        result.Status.ShouldBe("already-running");
        result.RunId.ShouldBe(runId);
        siteId.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_SkipsDisallowedUrls_WhenRobotsObeyed()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Listing.StartUrls.Add("/prive/beheer"); // Disallow: /prive/ in the demo robots.txt
        var run = await h.CrawlDayAsync(4, site);

        run.Stats!.ErrorsByKind["robots"].ShouldBe(1);
        run.Status.ShouldBe("completed"); // a robots skip is not a failure of the site
        h.Host.Kontaktbord.Requests.CountPathPrefix("/prive/").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_ObeysTheGroupOfTheConfiguredRobotsProductToken()
    {
        // The demo robots.txt has "User-agent: BadBot / Disallow: /"; the User-Agent sent does not decide the group.
        await using var h = await CrawlHarness.StartAsync(new() { ["Crawling:RobotsProductToken"] = "BadBot" });
        var run = await h.CrawlDayAsync(4);

        run.Stats!.ErrorsByKind["robots"].ShouldBeGreaterThan(0);
        h.Host.Kontaktbord.Requests.CountPathPrefix("/advertentie").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_FetchesDisallowedUrls_WhenRobotsTurnedOffWithReason()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Listing.StartUrls.Add("/prive/beheer");
        site.Robots.Obey = false;
        site.Robots.Reason = "test of the switch";
        await h.CrawlDayAsync(4, site);

        h.Host.Kontaktbord.Requests.CountPathPrefix("/prive/").ShouldBe(1);
        h.Host.Kontaktbord.Requests.Count("/robots.txt").ShouldBe(0);
    }

    private static async Task<string> Status(CrawlHarness h, string id)
    {
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        return (await h.Ads.FindAsync(siteId, id, CrawlHarness.Ct))!.Status;
    }
}
