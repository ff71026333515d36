using System.Diagnostics;
using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>HttpFetcher against every fault mode of the demo site, on loopback.</summary>
public sealed class HttpFetcherFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FetchResult> FetchAsync(CrawlHarness h, DemoFaults faults, string path = "advertentie/a1", Action<AdWatch.Sites.SiteDefinition>? tweak = null)
    {
        h.Host.Kontaktbord.Faults = faults;
        var site = h.Site("kontaktbord");
        tweak?.Invoke(site);
        return await h.Http.FetchAsync(new FetchRequest(h.Host.Kontaktbord.Url(path), site), Ct);
    }

    [Fact]
    public async Task Fetch_Succeeds_WhenSiteHealthy()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, DemoFaults.None);
        result.Error.ShouldBeNull();
        result.StatusCode.ShouldBe(200);
        result.ETag.ShouldNotBeNull();
        System.Text.Encoding.UTF8.GetString(result.Body).ShouldContain("Luna nieuw in Harderwijk");
    }

    [Fact]
    public async Task Fetch_OfALocalSite_NeverReachesAnotherPortOnLoopback()
    {
        // An ad (or an imported file) of the local demo site points at another service on the same machine.
        await using var h = await CrawlHarness.StartAsync();
        var other = h.Host.Nachtlicht.Url("");
        h.Host.Nachtlicht.Requests.Clear();

        var result = await h.Http.FetchAsync(new FetchRequest(other, h.Site("kontaktbord")), Ct);

        result.Error!.Kind.ShouldBe("off-site");
        h.Host.Nachtlicht.Requests.Snapshot().ShouldBeEmpty();
    }

    [Fact]
    public async Task Fetch_TimesOutAfterRetries_WhenSiteSlow()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { ResponseDelay = TimeSpan.FromSeconds(3) }, tweak: s => s.Limits.TimeoutSeconds = 1);
        result.Error!.Kind.ShouldBe("timeout");
        result.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task Fetch_RetriesAndSucceeds_WhenFirstTwoRequestsAre500()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { ServerError = new DemoServerError(FirstRequests: 2) });
        result.Error.ShouldBeNull();
        result.StatusCode.ShouldBe(200);
        result.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task Fetch_FailsWithStatusKind_WhenAlways500()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { ServerError = new DemoServerError() });
        result.Error!.Kind.ShouldBe("http-500");
        result.Retries.ShouldBe(2);
        h.Host.Kontaktbord.Requests.Count("/advertentie/a1").ShouldBe(3);
    }

    [Theory]
    [InlineData(429, false)]
    [InlineData(503, false)]
    [InlineData(429, true)]
    [InlineData(503, true)]
    public async Task Fetch_WaitsRetryAfterWithoutSpendingRetries_WhenThrottled(int status, bool asDate)
    {
        await using var h = await CrawlHarness.StartAsync();
        var clock = Stopwatch.StartNew();
        var result = await FetchAsync(h, new DemoFaults { Throttle = new DemoThrottle(TimeSpan.FromSeconds(2), status, asDate, FirstRequests: 1) });
        result.Error.ShouldBeNull();
        result.StatusCode.ShouldBe(200);
        result.Retries.ShouldBe(0);
        result.BackpressureWaits.ShouldBe(1);
        // An HTTP-date has one-second resolution, so it may have been rounded down by up to a second.
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(asDate ? 900 : 1900));
    }

    [Fact]
    public async Task Fetch_GivesUpWithBackpressureKind_WhenAlwaysThrottled()
    {
        await using var h = await CrawlHarness.StartAsync(new() { ["Crawling:MaxBackpressureWaits"] = "2" });
        var result = await FetchAsync(h, new DemoFaults { Throttle = new DemoThrottle(TimeSpan.FromMilliseconds(100)) });
        result.Error!.Kind.ShouldBe("backpressure");
        result.Retries.ShouldBe(0);
    }

    [Fact]
    public async Task Fetch_RetriesThenFailsAsNetworkError_WhenBodyTruncated()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { TruncatedBody = true });
        result.Error!.Kind.ShouldBe("network");
        result.Retries.ShouldBe(2);
    }

    [Fact]
    public async Task Fetch_FailsCleanlyAtCap_WhenGzipBomb()
    {
        await using var h = await CrawlHarness.StartAsync();
        var before = GC.GetTotalMemory(false);
        var result = await FetchAsync(h, new DemoFaults { GzipBomb = true });
        result.Error!.Kind.ShouldBe("too-large");
        result.Retries.ShouldBe(0);
        (GC.GetTotalMemory(false) - before).ShouldBeLessThan(200_000_000);
    }

    [Fact]
    public async Task Fetch_StopsWithRedirectLoop_WhenRedirectsCycle()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { RedirectLoop = true });
        result.Error!.Kind.ShouldBe("redirect-loop");
    }

    [Fact]
    public async Task Fetch_StopsAtRedirectCap_WhenCapIsZero()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { RedirectLoop = true }, tweak: s => s.Limits.MaxRedirects = 0);
        result.Error!.Kind.ShouldBe("too-many-redirects");
    }

    [Fact]
    public async Task Fetch_NeverLeavesAllowedHosts_WhenRedirectedOffSite()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, new DemoFaults { OffSiteRedirect = true });
        result.Error!.Kind.ShouldBe("off-site");
    }

    [Fact]
    public async Task Fetch_RefusesLoopback_WhenSiteNotMarkedLocal()
    {
        await using var h = await CrawlHarness.StartAsync();
        var result = await FetchAsync(h, DemoFaults.None, tweak: s => s.Local = false);
        result.Error!.Kind.ShouldBe("private-address");
        h.Host.Kontaktbord.Requests.Count("/advertentie/a1").ShouldBe(0);
    }

    [Fact]
    public async Task Fetch_RefusesPrivateNameResolution_WhenSiteNotMarkedLocal()
    {
        await using var h = await CrawlHarness.StartAsync();
        var site = h.Site("kontaktbord");
        site.Local = false;
        site.AllowedHosts.Add("localhost");
        var url = new Uri($"http://localhost:{h.Host.Kontaktbord.BaseUrl.Port}/advertentie/a1");
        var result = await h.Http.FetchAsync(new FetchRequest(url, site), Ct);
        result.Error!.Kind.ShouldBe("private-address");
    }

    [Fact]
    public async Task Fetch_PassesATermsGate_WithTheDeclaredCookieAndHeader_AndTheSessionItWasGiven()
    {
        await using var h = await CrawlHarness.StartAsync();
        var gate = new DemoFaults { TermsGate = new DemoTermsGate(RequiredHeader: "X-Requested-With: XMLHttpRequest", SessionCookie: "sid") };

        // As before: no cookies, no header — the site answers with its terms page.
        var refused = await FetchAsync(h, gate);
        refused.FinalUrl!.AbsolutePath.ShouldBe("/voorwaarden");
        System.Text.Encoding.UTF8.GetString(refused.Body).ShouldNotContain("Luna nieuw in Harderwijk");

        // The declared terms cookie without the header is still refused; a session without a jar loops at the cookie check.
        var noHeader = await FetchAsync(h, gate, tweak: s => s.Fetch.Cookies["voorwaarden"] = "akkoord");
        noHeader.FinalUrl!.AbsolutePath.ShouldBe("/voorwaarden");
        var noJar = await FetchAsync(h, gate, tweak: s =>
        {
            s.Fetch.Cookies["voorwaarden"] = "akkoord";
            s.Fetch.Headers["X-Requested-With"] = "XMLHttpRequest";
        });
        noJar.Error!.Kind.ShouldBe("redirect-loop");

        var passed = await FetchAsync(h, gate, tweak: s =>
        {
            s.Fetch.Cookies["voorwaarden"] = "akkoord";
            s.Fetch.Headers["X-Requested-With"] = "XMLHttpRequest";
            s.Fetch.KeepCookies = true;
        });

        passed.Error.ShouldBeNull();
        passed.StatusCode.ShouldBe(200);
        passed.FinalUrl!.AbsolutePath.ShouldBe("/advertentie/a1");
        System.Text.Encoding.UTF8.GetString(passed.Body).ShouldContain("Luna nieuw in Harderwijk");
        var cookies = h.Host.Kontaktbord.Requests.Snapshot().Where(r => r.Path == "/advertentie/a1").Select(r => r.Headers.GetValueOrDefault("Cookie")).ToList();
        cookies[^1].ShouldNotBeNull().ShouldStartWith("voorwaarden=akkoord; sid=");
    }

    [Fact]
    public async Task Fetch_Returns304_WhenETagStillCurrent()
    {
        await using var h = await CrawlHarness.StartAsync();
        var first = await FetchAsync(h, DemoFaults.None);
        var site = h.Site("kontaktbord");
        var second = await h.Http.FetchAsync(new FetchRequest(h.Host.Kontaktbord.Url("advertentie/a1"), site, first.ETag, first.LastModified), Ct);
        second.NotModified.ShouldBeTrue();
        second.Error.ShouldBeNull();
    }
}
