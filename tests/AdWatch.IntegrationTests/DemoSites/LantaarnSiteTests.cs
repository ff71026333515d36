using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Lantaarn;
using AdWatch.DemoSites.Scenario;
using SixLabors.ImageSharp;

namespace AdWatch.IntegrationTests.DemoSites;

/// <summary>Lantaarn over plain HTTP: the JSON API rounds, bump order, both front ends, the reveal, consent, page weight, and its rules.</summary>
public sealed partial class LantaarnSiteTests : IAsyncLifetime
{
    private static readonly DateOnly Jan1 = new(2023, 1, 1);
    private static readonly DemoScenario Scenario = DemoScenario.Generate(7, 1_500, Jan1, 60);
    private static readonly DateOnly Today = Jan1.AddDays(30);
    private DemoSiteFixture _fixture = null!;

    private DemoSite Site => _fixture.Host.Lantaarn;

    public async ValueTask InitializeAsync()
    {
        _fixture = await DemoSiteFixture.StartAsync(Scenario);
        _fixture.Host.SimulatedDate = Today;
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Json)> JsonAsync(string relative)
    {
        var (status, body) = await _fixture.GetStringAsync(Site, relative);
        return (status, JsonDocument.Parse(body).RootElement.Clone());
    }

    private async Task<List<JsonElement>> AllApiAdsAsync()
    {
        var ads = new List<JsonElement>();
        string? next = "/api/ads?page=1";
        for (var round = 0; next is not null; round++)
        {
            round.ShouldBeLessThan(100);
            var (status, json) = await JsonAsync(next);
            status.ShouldBe(HttpStatusCode.OK);
            var items = json.GetProperty("ads").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(20);
            ads.AddRange(items);
            var n = json.GetProperty("next");
            next = n.ValueKind == JsonValueKind.Null ? null : n.GetString();
            if (next is not null) items.Count.ShouldBe(20);
        }
        return ads;
    }

    private static DemoAd OnlineAd(Func<DemoAd, bool> where) =>
        Scenario.Listing(DemoSiteKind.Lantaarn, Today).First(a => where(a) && a.VersionOn(Today).PhoneE164 is not null);

    [Fact]
    public async Task Api_PagesThroughEveryOnlineAd_TwentyPerRound_InBumpOrder()
    {
        var expected = Scenario.Listing(DemoSiteKind.Lantaarn, Today);
        expected.Count.ShouldBeGreaterThan(40); // at least three rounds

        var ads = await AllApiAdsAsync();

        ads.Select(a => a.GetProperty("id").GetString()).ShouldBe(expected.Select(a => a.Id));
        var bumped = ads.Select(a => DateTimeOffset.Parse(a.GetProperty("bumpedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        bumped.ShouldBe(bumped.OrderByDescending(b => b).ToList());
        var first = ads[0];
        first.GetProperty("url").GetString().ShouldBe(LantaarnFacts.BetaPath(expected[0].Id));
        first.GetProperty("title").GetString().ShouldBe(expected[0].VersionOn(Today).Title);
        (await _fixture.GetStringAsync(Site, "api/ads?page=0")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync("api/ads?page=999")).Json.GetProperty("ads").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void BumpOrder_DiffersFromPostingOrder_AndChangesDayToDayWithoutChangingTheAd()
    {
        var listing = Scenario.Listing(DemoSiteKind.Lantaarn, Today);
        var byPosted = listing.OrderByDescending(a => a.VersionOn(Today).Posted).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        listing.Select(a => a.Id).ShouldNotBe(byPosted.Select(a => a.Id));

        // Two ads online on both days, content unchanged, whose relative order swaps from one day to the next: only bumps did it.
        var tomorrow = Today.AddDays(1);
        var both = listing.Where(a => a.StatusOn(tomorrow) == DemoAdStatus.Online && a.VersionIndexOn(Today) == a.VersionIndexOn(tomorrow)).ToList();
        var order1 = both.Select(a => a.Id).ToList();
        var order2 = Scenario.Listing(DemoSiteKind.Lantaarn, tomorrow).Where(both.Contains).Select(a => a.Id).ToList();
        order2.ShouldNotBe(order1);
        both.ShouldContain(a => DemoBumps.BumpedOn(a, tomorrow));
    }

    [Fact]
    public async Task Reveal_AnswersAfterItsDelay_WithTheAdsNumber()
    {
        var ad = OnlineAd(a => !LantaarnFacts.PhoneAsImage(a.Id));
        var delay = LantaarnFacts.RevealDelay(ad.Id);
        delay.TotalMilliseconds.ShouldBeInRange(300, 800);

        var watch = Stopwatch.StartNew();
        var (status, json) = await JsonAsync($"api/ads/{ad.Id}/reveal");
        watch.Stop();

        status.ShouldBe(HttpStatusCode.OK);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(delay - TimeSpan.FromMilliseconds(20));
        json.GetProperty("phone").GetString().ShouldBe(DemoPhoneWriter.Write(ad.VersionOn(Today).PhoneE164!, DemoPhoneStyle.Pairs));
        Site.Requests.Count(DemoRequestKind.Reveal).ShouldBe(1);
        (await _fixture.GetStringAsync(Site, "api/ads/no-such-ad/reveal")).Status.ShouldBe(HttpStatusCode.NotFound);

        var (classicStatus, fragment) = await _fixture.GetStringAsync(Site, $"klassiek/advertentie/{ad.Id}/nummer");
        classicStatus.ShouldBe(HttpStatusCode.OK);
        fragment.ShouldBe($"<span class=\"nummer\">{DemoPhoneWriter.Write(ad.VersionOn(Today).PhoneE164!, DemoPhoneStyle.Pairs)}</span>");
    }

    [Fact]
    public async Task ImageReveal_IsADeterministicPngOfTheAdsDigits()
    {
        var ad = OnlineAd(a => LantaarnFacts.PhoneAsImage(a.Id));
        var (status, json) = await JsonAsync($"api/ads/{ad.Id}/reveal");
        status.ShouldBe(HttpStatusCode.OK);
        var src = json.GetProperty("image").GetString()!;
        src.ShouldBe($"/api/ads/{ad.Id}/phone.png");
        (await _fixture.GetStringAsync(Site, $"klassiek/advertentie/{ad.Id}/nummer")).Body.ShouldContain($"src=\"{src}\"");

        using var response = await _fixture.GetAsync(Site, src);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = await response.Content.ReadAsByteArrayAsync(DemoSiteFixture.Ct);
        var info = Image.Identify(png);
        info.Width.ShouldBeGreaterThan(100);
        info.Height.ShouldBeInRange(30, 80);
        var phone = DemoPhoneWriter.Write(ad.VersionOn(Today).PhoneE164!, DemoPhoneStyle.Pairs);
        new LantaarnPhoneImage().Png(phone).ShouldBe(png); // a fresh renderer draws the same bytes

        if (await OcrAsync(png) is { } text)
            Digits(text).ShouldBe(Digits(phone));
        (await _fixture.GetAsync(Site, $"api/ads/{OnlineAd(a => !LantaarnFacts.PhoneAsImage(a.Id)).Id}/phone.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConsentModals_ShowOnSomeSessionsAndNotOthers_AndStayAwayOnceDismissed()
    {
        async Task<(bool Age, bool Cookies)> Modals(string cookie)
        {
            var (_, html) = await _fixture.GetStringAsync(Site, "", r => r.Headers.Add("Cookie", cookie));
            return (html.Contains("id=\"lt-leeftijd\"", StringComparison.Ordinal), html.Contains("id=\"lt-cookies\"", StringComparison.Ordinal));
        }

        var seen = new List<(bool Age, bool Cookies)>();
        for (var s = 0; s < 16; s++) seen.Add(await Modals($"lt_sessie=t{s}"));
        seen.Select(m => m.Age).Distinct().Count().ShouldBe(2);
        seen.Select(m => m.Cookies).Distinct().Count().ShouldBe(2);
        for (var s = 0; s < 16; s++) (await Modals($"lt_sessie=t{s}")).ShouldBe(seen[s]); // the same session, the same choice

        var withBoth = $"lt_sessie=t{seen.FindIndex(m => m.Age && m.Cookies)}";
        (await Modals(withBoth + "; lt_18=ja")).ShouldBe((false, true));
        (await Modals(withBoth + "; lt_18=ja; lt_cookies=alles")).ShouldBe((false, false));

        Site.Faults = new DemoFaults { ConsentModals = DemoConsentModals.Always };
        (await Modals($"lt_sessie=t{seen.FindIndex(m => !m.Age && !m.Cookies)}")).ShouldBe((true, true));
        Site.Faults = new DemoFaults { ConsentModals = DemoConsentModals.Never };
        (await Modals(withBoth)).ShouldBe((false, false));

        using var fresh = await _fixture.GetAsync(Site, "");
        fresh.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("lt_sessie=s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClassicAndBeta_ShowTheSameAd_InDifferentMarkup()
    {
        var parser = new HtmlParser();
        foreach (var ad in Scenario.Listing(DemoSiteKind.Lantaarn, Today).Take(10))
        {
            var v = ad.VersionOn(Today);
            var beta = parser.ParseDocument((await _fixture.GetStringAsync(Site, LantaarnFacts.BetaPath(ad.Id))).Body);
            var classic = parser.ParseDocument((await _fixture.GetStringAsync(Site, LantaarnFacts.ClassicPath(ad.Id))).Body);

            beta.QuerySelector("h1.lt-ad__title")!.TextContent.ShouldBe(v.Title);
            classic.QuerySelector("#advertentie h1")!.TextContent.ShouldBe(v.Title);
            var betaFields = beta.QuerySelectorAll("dl.lt-fields dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!.TextContent);
            var classicFields = classic.QuerySelectorAll("table.kenmerken th").ToDictionary(th => th.TextContent, th => th.NextElementSibling!.TextContent);
            foreach (var label in new[] { "Werkgebied:", "Leeftijd:", "Contacturen:" })
                betaFields[label].ShouldBe(classicFields[label], label);
            if (v.City is { } city)
            {
                betaFields["Plaats:"].ShouldBe(city);
                classicFields["Plaats:"].ShouldBe(city);
            }
            beta.QuerySelectorAll("img.lt-photo").Select(i => i.GetAttribute("src")).ShouldBe(v.ImageIds.Select(i => $"/img/{i}.png"));
            classic.QuerySelectorAll(".fotos img.foto").Select(i => i.GetAttribute("src")).ShouldBe(v.ImageIds.Select(i => $"/img/{i}.png"));
            (beta.QuerySelector(".badge--verified") is not null).ShouldBe(LantaarnFacts.Verified(ad.Id));
            (classic.QuerySelector("b.geverifieerd") is not null).ShouldBe(LantaarnFacts.Verified(ad.Id));
            beta.QuerySelector(".lt-phone button.reveal")!.TextContent.ShouldBe("Toon nummer");
            classic.QuerySelector("a.toon-nummer")!.GetAttribute("href").ShouldBe(LantaarnFacts.ClassicPath(ad.Id) + "/nummer");
        }
    }

    [Fact]
    public async Task BetaAdPage_WeighsOver300KB_AndNamesTheIdOnlyInAnInlineScript()
    {
        var ad = Scenario.Listing(DemoSiteKind.Lantaarn, Today)[0];
        using var response = await _fixture.GetAsync(Site, LantaarnFacts.BetaPath(ad.Id));
        var bytes = await response.Content.ReadAsByteArrayAsync(DemoSiteFixture.Ct);
        bytes.Length.ShouldBeGreaterThanOrEqualTo(300 * 1024);
        var html = System.Text.Encoding.UTF8.GetString(bytes);

        Regex.Matches(html, Regex.Escape(ad.Id)).Count.ShouldBe(1);
        IdInScript().Match(html).Groups[1].Value.ShouldBe(ad.Id);
        new HtmlParser().ParseDocument(html).QuerySelector("script#__STATE__[type='application/json']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Pages_FollowTheDayAndTheAdsState()
    {
        var ended = Scenario.Ads.First(a => a.IsOn(DemoSiteKind.Lantaarn) && a.LastDay < Today && a.StatusOn(Today) == DemoAdStatus.Offline && a.Expiry == DemoExpiryStyle.Gone);
        (await _fixture.GetStringAsync(Site, LantaarnFacts.BetaPath(ended.Id))).Status.ShouldBe(HttpStatusCode.Gone);
        var expired = Scenario.Ads.First(a => a.IsOn(DemoSiteKind.Lantaarn) && a.StatusOn(Today) == DemoAdStatus.Offline && a.Expiry == DemoExpiryStyle.ExpiredPage);
        var (status, html) = await _fixture.GetStringAsync(Site, LantaarnFacts.ClassicPath(expired.Id));
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("Deze advertentie is verlopen");
        var future = Scenario.Ads.First(a => a.IsOn(DemoSiteKind.Lantaarn) && a.FirstDay > Today);
        (await _fixture.GetStringAsync(Site, LantaarnFacts.ClassicPath(future.Id))).Status.ShouldBe(HttpStatusCode.NotFound);
        var elsewhere = Scenario.Ads.First(a => !a.IsOn(DemoSiteKind.Lantaarn) && a.StatusOn(Today) == DemoAdStatus.Online);
        (await _fixture.GetStringAsync(Site, LantaarnFacts.ClassicPath(elsewhere.Id))).Status.ShouldBe(HttpStatusCode.NotFound);
        (await _fixture.GetStringAsync(Site, $"api/ads/{elsewhere.Id}/reveal")).Status.ShouldBe(HttpStatusCode.NotFound);

        var (listingStatus, listing) = await _fixture.GetStringAsync(Site, "klassiek/?pagina=2");
        listingStatus.ShouldBe(HttpStatusCode.OK);
        var rows = new HtmlParser().ParseDocument(listing).QuerySelectorAll("table.overzicht tr.rij").Select(r => r.Id![4..]).ToList();
        rows.ShouldBe(Scenario.Listing(DemoSiteKind.Lantaarn, Today).Skip(20).Take(20).Select(a => a.Id));
        (await _fixture.GetStringAsync(Site, "robots.txt")).Body.ShouldContain("Disallow: /account/");
    }

    [Fact]
    public async Task NoAdText_HoldsAnAddress_AndNothingLinksOffLoopback()
    {
        var parser = new HtmlParser();
        var pages = new List<string> { "", "klassiek/", "static/lantaarn.js" };
        var addresses = Scenario.Ads.SelectMany(a => a.Versions).Select(v => v.Location).OfType<string>().Where(l => l.Any(char.IsAsciiDigit)).ToHashSet();
        foreach (var ad in Scenario.Listing(DemoSiteKind.Lantaarn, Today))
        {
            pages.Add(LantaarnFacts.BetaPath(ad.Id).TrimStart('/'));
            pages.Add(LantaarnFacts.ClassicPath(ad.Id).TrimStart('/'));
        }
        pages.Add(OnlineAd(a => LantaarnFacts.PhoneAsImage(a.Id)) is var img ? $"klassiek/advertentie/{img.Id}/nummer" : "");
        var api = string.Join('\n', (await AllApiAdsAsync()).Select(a => a.GetRawText()));

        foreach (var address in addresses) api.ShouldNotContain(address);
        foreach (var page in pages)
        {
            var (status, body) = await _fixture.GetStringAsync(Site, page);
            status.ShouldBe(HttpStatusCode.OK, page);
            var document = parser.ParseDocument(body);
            var text = document.Body?.TextContent ?? "";
            Postcode().IsMatch(text).ShouldBeFalse(page);
            foreach (var address in addresses) text.ShouldNotContain(address);
            foreach (var element in document.QuerySelectorAll("[href], [src], [action]"))
            {
                var target = element.GetAttribute("href") ?? element.GetAttribute("src") ?? element.GetAttribute("action")!;
                target.ShouldStartWith("/", customMessage: $"{page}: {target}");
                target.ShouldNotStartWith("//");
            }
            // An ad may write a wa.me address as text (a phone style); no attribute, style or script ever points off the site.
            OffSiteReference().IsMatch(body).ShouldBeFalse(page);
        }
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>Reads the PNG with tesseract when it is installed (CI installs it); null otherwise.</summary>
    private static async Task<string?> OcrAsync(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lantaarn-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png, DemoSiteFixture.Ct);
        try
        {
            var start = new ProcessStartInfo("tesseract", [file, "stdout", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789+ "])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = await process.StandardOutput.ReadToEndAsync(DemoSiteFixture.Ct);
            await process.WaitForExitAsync(DemoSiteFixture.Ct);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("\"adId\"\\s*:\\s*\"([A-Za-z0-9-]+)\"")]
    private static partial Regex IdInScript();

    [GeneratedRegex(@"(=|url\(|fetch\(|load\()\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex OffSiteReference();

    [GeneratedRegex(@"\b[1-9][0-9]{3} ?[A-Z]{2}\b")]
    private static partial Regex Postcode();
}
