using System.Net;
using System.Text.Json;
using AdWatch.DemoSites.Hosting;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class NachtlichtSiteTests : IAsyncLifetime
{
    private DemoSiteFixture _fixture = null!;

    private DemoSite Site => _fixture.Host.Nachtlicht;

    public async ValueTask InitializeAsync() => _fixture = await DemoSiteFixture.StartAsync(options: new DemoSiteHostOptions { NachtlichtPageSize = 1 });

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static void AgeCookie(HttpRequestMessage request) => request.Headers.Add("Cookie", "leeftijd=18plus");

    private async Task<(HttpStatusCode Status, JsonElement Json)> ApiAsync(string relative, bool withCookie = true)
    {
        var (status, body) = await _fixture.GetStringAsync(Site, relative, withCookie ? AgeCookie : null);
        return (status, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?page=2")]
    [InlineData("ad/a2")]
    public async Task Shell_HoldsAgeGateButNoAdContent_ForEveryPage(string relative)
    {
        _fixture.Host.SimulatedDate = Day(2);
        var (status, html) = await _fixture.GetStringAsync(Site, relative, AgeCookie);
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<button id=\"age-ok\" type=\"button\">Ik ben 18+</button>");
        html.ShouldContain("<main id=\"app\" hidden></main>");
        html.ShouldContain("<script src=\"/app.js\"></script>");
        html.ShouldNotContain("Bella");
        html.ShouldNotContain("a2");
    }

    [Theory]
    [InlineData("api/ads")]
    [InlineData("api/ads/a2")]
    public async Task Api_Returns403_WithoutAgeCookie(string relative)
    {
        _fixture.Host.SimulatedDate = Day(2);
        var (status, json) = await ApiAsync(relative, withCookie: false);
        status.ShouldBe(HttpStatusCode.Forbidden);
        json.GetProperty("error").GetString().ShouldBe("age-verification-required");
    }

    [Fact]
    public async Task ApiListing_PagesThroughOnlineAds_NewestPostedFirst()
    {
        _fixture.Host.SimulatedDate = Day(2);
        var (status, first) = await ApiAsync("api/ads");
        status.ShouldBe(HttpStatusCode.OK);
        first.GetProperty("total").GetInt32().ShouldBe(2);
        first.GetProperty("totalPages").GetInt32().ShouldBe(2);
        first.GetProperty("next").GetString().ShouldBe("/api/ads?page=2");
        var ad = first.GetProperty("ads")[0];
        ad.GetProperty("id").GetString().ShouldBe("a2");
        ad.GetProperty("title").GetString().ShouldBe("Bella escort regio");
        ad.GetProperty("posted").GetString().ShouldBe("2023-03-02");
        ad.GetProperty("thumb").GetString().ShouldBe("/img/bella-1.png");
        ad.TryGetProperty("city", out _).ShouldBeFalse();

        var (_, second) = await ApiAsync("api/ads?page=2");
        second.GetProperty("ads")[0].GetProperty("id").GetString().ShouldBe("a4");
        second.TryGetProperty("next", out _).ShouldBeFalse();

        _fixture.Host.SimulatedDate = Day(12);
        var (_, later) = await ApiAsync("api/ads");
        later.GetProperty("total").GetInt32().ShouldBe(0);
        later.GetProperty("ads").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ApiDetail_ReturnsContent_WhenAdOnline()
    {
        _fixture.Host.SimulatedDate = Day(2);
        var (status, ad) = await ApiAsync("api/ads/a4");
        status.ShouldBe(HttpStatusCode.OK);
        ad.GetProperty("status").GetString().ShouldBe("online");
        ad.GetProperty("location").GetString().ShouldBe("Kerkstraat 3, 3881 AB Putten");
        ad.GetProperty("phone").GetString().ShouldBe("06 87 65 43 21");
        ad.GetProperty("body").GetString()!.ShouldContain("\n\n");
        ad.GetProperty("images")[0].GetString().ShouldBe("/img/bella-1.png");
    }

    [Theory]
    [InlineData("api/ads/a4", 4, HttpStatusCode.Gone, "gone")]
    [InlineData("api/ads/a2", 11, HttpStatusCode.OK, "expired")]
    [InlineData("api/ads/a1", 2, HttpStatusCode.NotFound, "not-found")]     // only on Kontaktbord
    [InlineData("api/ads/a2", 1, HttpStatusCode.NotFound, "not-found")]     // not yet online
    [InlineData("api/ads/zzz", 2, HttpStatusCode.NotFound, "not-found")]
    public async Task ApiDetail_ReportsStatus_WhenAdNotOnline(string relative, int day, HttpStatusCode expected, string state)
    {
        _fixture.Host.SimulatedDate = Day(day);
        var (status, json) = await ApiAsync(relative);
        status.ShouldBe(expected);
        json.GetProperty("status").GetString().ShouldBe(state);
        json.TryGetProperty("title", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Script_SwapsClassMap_WhenRenamedClassesFaultOn()
    {
        var (_, standard) = await _fixture.GetStringAsync(Site, "app.js");
        standard.ShouldContain("\"item\":\"ad\"");
        standard.ShouldNotContain("/*CLASSES*/");

        Site.Faults = new() { RenamedClasses = true };
        var (_, renamed) = await _fixture.GetStringAsync(Site, "app.js");
        renamed.ShouldContain("\"item\":\"tile\"");
        renamed.ShouldNotContain("\"item\":\"ad\"");
    }

    [Fact]
    public async Task ShellAndScript_ReferenceNothingOffSite()
    {
        var (_, shell) = await _fixture.GetStringAsync(Site, "");
        var (_, script) = await _fixture.GetStringAsync(Site, "app.js");
        shell.ShouldNotContain("://");
        script.Replace("'https://wa.me/'", "", StringComparison.Ordinal).ShouldNotContain("://");
    }

    [Fact]
    public async Task Robots_DisallowsBeheer()
    {
        var (_, body) = await _fixture.GetStringAsync(Site, "robots.txt");
        body.ShouldContain("Disallow: /beheer/\n");
        body.ShouldContain("Crawl-delay: 1\n");
    }
}
