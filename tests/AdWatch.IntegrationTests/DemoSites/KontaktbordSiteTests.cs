using System.Net;
using AdWatch.DemoSites.Hosting;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class KontaktbordSiteTests : IAsyncLifetime
{
    private static readonly HtmlParser Parser = new();
    private DemoSiteFixture _fixture = null!;

    private DemoSite Site => _fixture.Host.Kontaktbord;

    public async ValueTask InitializeAsync() => _fixture = await DemoSiteFixture.StartAsync(options: new DemoSiteHostOptions { KontaktbordPageSize = 2 });

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<IDocument> PageAsync(string relative, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var (status, body) = await _fixture.GetStringAsync(Site, relative);
        status.ShouldBe(expected);
        return Parser.ParseDocument(body);
    }

    private async Task<string[]> ListedIdsAsync(DateOnly date)
    {
        _fixture.Host.SimulatedDate = date;
        var ids = new List<string>();
        for (var page = 1; page < 10; page++)
        {
            var doc = await PageAsync($"advertenties?pagina={page}");
            ids.AddRange(doc.QuerySelectorAll("li.ad-card").Select(li => li.GetAttribute("data-ad-id")!));
            if (doc.QuerySelector("link[rel=next]") is null) break;
        }
        return [.. ids];
    }

    [Fact]
    public async Task Listing_ShowsOnlineAdsNewestPostedFirst_WhenDateHasSeveralAds() =>
        (await ListedIdsAsync(Day(4))).ShouldBe(["a3", "a2", "a1", "a5"]);

    [Fact]
    public async Task Listing_AdsAppearChangeAndDisappear_AcrossSimulatedDates()
    {
        (await ListedIdsAsync(Day(1))).ShouldBe(["a1", "a5"]);
        (await ListedIdsAsync(Day(7))).ShouldBe(["a2", "a5"]);      // a1 ended, a3 away
        (await ListedIdsAsync(Day(15))).ShouldBe(["a3", "a5"]);     // a3 is back
        (await ListedIdsAsync(Day(21))).ShouldBeEmpty();

        _fixture.Host.SimulatedDate = Day(2);
        (await PageAsync("advertentie/a1")).QuerySelector("h1.ad-title")!.TextContent.ShouldBe("Luna nieuw in Harderwijk");
        _fixture.Host.SimulatedDate = Day(3);
        (await PageAsync("advertentie/a1")).QuerySelector("h1.ad-title")!.TextContent.ShouldBe("Luna laatste dagen");
    }

    [Fact]
    public async Task Listing_LinksPagesWithRelNextAndPrev_WhenMoreThanOnePage()
    {
        _fixture.Host.SimulatedDate = Day(4);
        var first = await PageAsync("advertenties");
        first.QuerySelector("link[rel=next]")!.GetAttribute("href").ShouldBe("/advertenties?pagina=2");
        first.QuerySelector("nav.pagination a.page-next")!.GetAttribute("href").ShouldBe("/advertenties?pagina=2");
        first.QuerySelector("a.page-prev").ShouldBeNull();
        first.QuerySelectorAll("li.ad-card a.ad-link").Select(a => a.GetAttribute("href")).ShouldBe(["/advertentie/a3", "/advertentie/a2"]);

        var last = await PageAsync("advertenties?pagina=2");
        last.QuerySelector("link[rel=next]").ShouldBeNull();
        last.QuerySelector("a.page-prev[rel=prev]")!.GetAttribute("href").ShouldBe("/advertenties?pagina=1");

        var beyond = await PageAsync("advertenties?pagina=3");
        beyond.QuerySelector("p.no-ads").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("advertenties?pagina=0")]
    [InlineData("advertenties?pagina=abc")]
    [InlineData("advertenties?pagina=-1")]
    [InlineData("advertentie/")]
    [InlineData("advertentie/a1/extra")]
    [InlineData("onbekend")]
    public async Task Get_Returns404_WhenPathOrPageIsInvalid(string relative) =>
        await PageAsync(relative, HttpStatusCode.NotFound);

    [Fact]
    public async Task Listing_ShowsEmptyMessage_WhenNoAdsOnline()
    {
        _fixture.Host.SimulatedDate = BeforeAnything;
        var doc = await PageAsync("advertenties");
        doc.QuerySelector("p.no-ads")!.TextContent.ShouldContain("geen advertenties");
        doc.QuerySelectorAll("li.ad-card").ShouldBeEmpty();
        doc.QuerySelector("link[rel=next]").ShouldBeNull();
    }

    [Fact]
    public async Task Detail_ExposesFieldsUnderDocumentedSelectors_WhenAdOnline()
    {
        _fixture.Host.SimulatedDate = Day(3);
        var doc = await PageAsync("advertentie/a1");
        var article = doc.QuerySelector("article.ad-detail[data-ad-id=a1]")!;
        article.QuerySelector(".ad-location")!.TextContent.ShouldBe("Stationslaan 14, 3841 AB Harderwijk");
        article.QuerySelector(".ad-city")!.TextContent.ShouldBe("Harderwijk");
        article.QuerySelector(".ad-phone")!.TextContent.ShouldBe("nul zes 12345678");
        article.QuerySelector("time.ad-posted")!.GetAttribute("datetime").ShouldBe("2023-03-01");
        article.QuerySelector("time.ad-posted")!.TextContent.ShouldBe("1 maart 2023");
        article.QuerySelectorAll(".ad-body p").Length.ShouldBe(2);
        article.QuerySelectorAll(".ad-gallery img.ad-photo").Select(i => i.GetAttribute("src")).ShouldBe(["/img/luna-1.png", "/img/luna-2.png"]);
    }

    [Fact]
    public async Task Detail_ShowsWhatsAppNumberOnlyInLink_WhenPhoneIsWaMeLink()
    {
        _fixture.Host.SimulatedDate = Day(5);
        var doc = await PageAsync("advertentie/a2");
        doc.QuerySelector(".ad-phone a.ad-whatsapp")!.GetAttribute("href").ShouldBe("https://wa.me/31687654321");
        doc.QuerySelector(".ad-phone")!.TextContent.ShouldNotContain("687");
        doc.QuerySelector(".ad-location").ShouldBeNull();
    }

    [Fact]
    public async Task Detail_Returns304_WhenIfNoneMatchMatchesAndNotAfterContentChanged()
    {
        _fixture.Host.SimulatedDate = Day(1);
        string etag;
        using (var first = await _fixture.GetAsync(Site, "advertentie/a1"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Headers.ETag!.IsWeak.ShouldBeFalse();
            etag = first.Headers.ETag.Tag;
            first.Content.Headers.LastModified.ShouldBe(new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero));
        }

        using (var again = await _fixture.GetAsync(Site, "advertentie/a1", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag)))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
            again.Headers.ETag!.Tag.ShouldBe(etag);
            (await again.Content.ReadAsByteArrayAsync(DemoSiteFixture.Ct)).ShouldBeEmpty();
        }

        _fixture.Host.SimulatedDate = Day(3);
        using var changed = await _fixture.GetAsync(Site, "advertentie/a1", r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldNotBe(etag);
    }

    [Theory]
    [InlineData("Wed, 01 Mar 2023 00:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData("Thu, 02 Mar 2023 12:00:00 GMT", HttpStatusCode.NotModified)]
    [InlineData("Tue, 28 Feb 2023 23:59:59 GMT", HttpStatusCode.OK)]
    public async Task Detail_HonoursIfModifiedSince_WhenNoIfNoneMatch(string since, HttpStatusCode expected)
    {
        _fixture.Host.SimulatedDate = Day(2);
        using var response = await _fixture.GetAsync(Site, "advertentie/a1", r => r.Headers.TryAddWithoutValidation("If-Modified-Since", since));
        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Detail_Returns410_WhenEndedAdExpiresAsGone()
    {
        _fixture.Host.SimulatedDate = Day(6);
        var doc = await PageAsync("advertentie/a1", HttpStatusCode.Gone);
        doc.QuerySelector("h1")!.TextContent.ShouldBe("Deze advertentie is verwijderd");
    }

    [Fact]
    public async Task Detail_ServesExpiredPageWith200_WhenEndedAdExpiresAsPage()
    {
        _fixture.Host.SimulatedDate = Day(11);
        var doc = await PageAsync("advertentie/a2");
        doc.QuerySelector(".ad-expired h1")!.TextContent.ShouldBe("Deze advertentie is verlopen");
        doc.QuerySelector(".ad-title").ShouldBeNull();
    }

    [Fact]
    public async Task Detail_ShowsExpiredThenOnlineAgain_WhenAdReturnsAfterGap()
    {
        _fixture.Host.SimulatedDate = Day(8);
        (await PageAsync("advertentie/a3")).QuerySelector(".ad-expired").ShouldNotBeNull();
        _fixture.Host.SimulatedDate = Day(15);
        (await PageAsync("advertentie/a3")).QuerySelector("h1.ad-title")!.TextContent.ShouldBe("Luna terug in Ermelo");
    }

    [Theory]
    [InlineData("advertentie/bestaat-niet", 5)]
    [InlineData("advertentie/a3", 1)]   // not yet online
    [InlineData("advertentie/a4", 2)]   // only on Nachtlicht
    public async Task Detail_Returns404_WhenAdUnknownNotYetOnlineOrOnOtherSite(string relative, int day)
    {
        _fixture.Host.SimulatedDate = Day(day);
        await PageAsync(relative, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Head_ReturnsHeadersWithoutBody_AndPostIsRejected()
    {
        _fixture.Host.SimulatedDate = Day(2);
        using var head = await _fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Site.Url("advertentie/a1")), DemoSiteFixture.Ct);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.ETag.ShouldNotBeNull();
        (await head.Content.ReadAsByteArrayAsync(DemoSiteFixture.Ct)).ShouldBeEmpty();

        using var post = await _fixture.Http.PostAsync(Site.Url("advertenties"), new StringContent("x"), DemoSiteFixture.Ct);
        post.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Robots_DisallowsPrivateAreaWithCrawlDelay()
    {
        var (status, body) = await _fixture.GetStringAsync(Site, "robots.txt");
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("User-agent: *\nCrawl-delay: 1\nDisallow: /prive/\n");
        (await PageAsync("")).QuerySelector("a[href='/prive/beheer']").ShouldNotBeNull();
        Site.Requests.Count(DemoRequestKind.Private).ShouldBe(0);
    }

    [Fact]
    public async Task RenamedClasses_ServesSameContentWithOtherMarkup_WhenFaultOn()
    {
        _fixture.Host.SimulatedDate = Day(3);
        Site.Faults = new() { RenamedClasses = true };
        var detail = await PageAsync("advertentie/a1");
        detail.QuerySelector(".ad-title").ShouldBeNull();
        detail.QuerySelector(".ad-phone").ShouldBeNull();
        detail.QuerySelector("section.advert[data-id=a1] h1.advert__heading")!.TextContent.ShouldBe("Luna laatste dagen");
        detail.QuerySelector("dd.advert__contact")!.TextContent.ShouldBe("nul zes 12345678");
        detail.QuerySelector("p.advert__where")!.TextContent.ShouldBe("Stationslaan 14, 3841 AB Harderwijk");

        var listing = await PageAsync("advertenties");
        listing.QuerySelectorAll("li.ad-card").ShouldBeEmpty();
        listing.QuerySelectorAll("article.listing-item a.listing-item__link").Select(a => a.GetAttribute("href"))
            .ShouldBe(["/advertentie/a2", "/advertentie/a1"]);
    }

    [Fact]
    public async Task Requests_AreLoggedWithKindStatusAndHeaders()
    {
        await PageAsync("advertenties?pagina=1");
        await PageAsync("advertentie/nope", HttpStatusCode.NotFound);
        await _fixture.GetStringAsync(Site, "img/luna-1.png", r => r.Headers.UserAgent.ParseAdd("AdWatchTest/1.0"));

        var log = Site.Requests.Snapshot();
        log.Select(r => (r.PathAndQuery, r.Kind, r.StatusCode)).ShouldBe(
        [
            ("/advertenties?pagina=1", DemoRequestKind.Listing, 200),
            ("/advertentie/nope", DemoRequestKind.Detail, 404),
            ("/img/luna-1.png", DemoRequestKind.Image, 200),
        ]);
        log[2].Headers["User-Agent"].ShouldBe("AdWatchTest/1.0");
        Site.Requests.Count("/advertenties?pagina=1").ShouldBe(1);
        Site.Requests.CountPathPrefix("/advertentie").ShouldBe(2);
        Site.Requests.Clear();
        Site.Requests.Snapshot().ShouldBeEmpty();
    }
}
