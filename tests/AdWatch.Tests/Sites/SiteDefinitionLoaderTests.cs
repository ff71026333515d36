using AdWatch.Sites;

namespace AdWatch.Tests.Sites;

public sealed class SiteDefinitionLoaderTests
{
    private const string Valid = """
        name: demo
        baseUrl: https://ads.example.org/
        listing:
          startUrls: [/list]
          adLinkSelector: a.ad
        ad:
          idFromUrl: "/ad/(\\d+)"
        politeness:
          delayMs: 500
        """;

    [Fact]
    public void LoadText_AppliesDefaults_WhenFieldsOmitted()
    {
        var site = SiteDefinitionLoader.LoadText(Valid, "demo.yaml");
        site.Fetch.Mode.ShouldBe(FetchMode.Http);
        site.Schedule.TimeZone.ShouldBe("Europe/Amsterdam");
        site.Politeness.ConcurrencyPerHost.ShouldBe(1);
        site.Politeness.DelayMs.ShouldBe(500);
        site.Robots.Obey.ShouldBeTrue();
        site.Health.GoneAfterRuns.ShouldBe(2);
        site.DefinitionHash.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void LoadText_ReadsTheTitleBoilerplate()
    {
        var yaml = Valid.Replace("politeness:", "titleBoilerplate: [Kontaktbord, \"Escort Harderwijk\"]\npoliteness:", StringComparison.Ordinal);

        SiteDefinitionLoader.LoadText(yaml, "demo.yaml").TitleBoilerplate.ShouldBe(["Kontaktbord", "Escort Harderwijk"]);
        SiteDefinitionLoader.LoadText(Valid, "demo.yaml").TitleBoilerplate.ShouldBeEmpty();
    }

    [Fact]
    public void LoadText_ReadsHeadersAndCookies()
    {
        var yaml = Valid.Replace("politeness:", "fetch:\n  headers:\n    X-Requested-With: XMLHttpRequest\n  cookies:\n    voorwaarden: akkoord\n  keepCookies: true\npoliteness:",
            StringComparison.Ordinal);

        var fetch = SiteDefinitionLoader.LoadText(yaml, "demo.yaml").Fetch;

        fetch.Headers.ShouldBe(new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" });
        fetch.Cookies.ShouldBe(new Dictionary<string, string> { ["voorwaarden"] = "akkoord" });
        fetch.KeepCookies.ShouldBeTrue();
        SiteDefinitionLoader.LoadText(Valid, "demo.yaml").Fetch.ShouldSatisfyAllConditions(
            f => f.Headers.ShouldBeEmpty(), f => f.Cookies.ShouldBeEmpty(), f => f.KeepCookies.ShouldBeFalse());
    }

    [Fact]
    public void LoadText_ReadsTheRevisitRule()
    {
        var yaml = Valid.Replace("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  cardSelector: li.card\n  reverifyDays: 0", StringComparison.Ordinal);

        var listing = SiteDefinitionLoader.LoadText(yaml, "demo.yaml").Listing;

        listing.CardSelector.ShouldBe("li.card");
        listing.ReverifyDays.ShouldBe(0); // 0: every listed ad's page on every run
        SiteDefinitionLoader.LoadText(Valid, "demo.yaml").Listing.ShouldSatisfyAllConditions(
            l => l.CardSelector.ShouldBeNull(), l => l.ReverifyDays.ShouldBe(7));
    }

    [Fact]
    public void LoadFolder_LoadsEveryShippedDefinition()
    {
        var sites = SiteDefinitionLoader.LoadFolder(Path.Combine(AppContext.BaseDirectory, "crawlers"));
        sites.Select(s => s.Name).Order(StringComparer.Ordinal).ShouldBe(["kontaktbord", "lantaarn", "lantaarn-json", "nachtlicht"]);
        sites.Single(s => s.Name == "nachtlicht").Fetch.Mode.ShouldBe(FetchMode.Browser);
        sites.Single(s => s.Name == "lantaarn").Fetch.Mode.ShouldBe(FetchMode.Browser);
        sites.Single(s => s.Name == "lantaarn-json").Fetch.Mode.ShouldBe(FetchMode.Http);
    }

    [Fact]
    public void WithBaseUrl_CopiesDeeply_SoTweaksNeverReachTheOriginal()
    {
        var site = SiteDefinitionLoader.LoadText(Valid, "demo.yaml");
        var copy = site.WithBaseUrl("http://127.0.0.1:41234/");
        copy.Politeness.DelayMs = 0;
        copy.Listing.StartUrls.Add("/more");

        site.Politeness.DelayMs.ShouldBe(500);
        site.Listing.StartUrls.ShouldBe(["/list"]);
        copy.BaseUrl.ShouldBe("http://127.0.0.1:41234/");
        copy.Ad.IdFromUrl.ShouldBe(site.Ad.IdFromUrl);
        copy.DefinitionHash.ShouldBe(site.DefinitionHash);
    }

    [Theory]
    // value errors: field and the line it is written on
    [InlineData("politeness:\n  delayMs: 500", "politeness:\n  delayMs: -1", "politeness.delayMs", 9)]
    [InlineData("politeness:\n  delayMs: 500", "politeness:\n  concurrencyPerHost: 0", "politeness.concurrencyPerHost", 9)]
    [InlineData("name: demo", "name: Demo Site", "name", 1)]
    [InlineData("baseUrl: https://ads.example.org/", "baseUrl: ftp://ads.example.org/", "baseUrl", 2)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: 'a[['", "listing.adLinkSelector", 5)]
    [InlineData("idFromUrl: \"/ad/(\\\\d+)\"", "idFromUrl: \"/ad/\\\\d+\"", "ad.idFromUrl", 7)]
    [InlineData("idFromUrl: \"/ad/(\\\\d+)\"", "idFromUrl: \"/ad/(\"", "ad.idFromUrl", 7)]
    [InlineData("politeness:\n  delayMs: 500", "robots:\n  obey: false", "robots.reason", 8)]
    [InlineData("politeness:\n  delayMs: 500", "schedule:\n  cron: 'every day'", "schedule.cron", 9)]
    [InlineData("politeness:\n  delayMs: 500", "schedule:\n  timeZone: Mars/Olympus", "schedule.timeZone", 9)]
    [InlineData("politeness:\n  delayMs: 500", "limits:\n  maxBodyBytes: 10", "limits.maxBodyBytes", 9)]
    [InlineData("ad:\n", "ad:\n  fields:\n    images: 'img@'\n", "ad.fields.images", 8)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  pageUrlTemplate: /list?p=1", "listing.pageUrlTemplate", 6)]
    [InlineData("politeness:\n  delayMs: 500", "detectors:\n  blocked:\n    regex: '(unclosed'", "detectors.blocked.regex", 10)]
    [InlineData("politeness:\n  delayMs: 500", "titleBoilerplate:\n  - Kontaktbord\n  - ' '", "titleBoilerplate[1]", 10)]
    [InlineData("politeness:\n  delayMs: 500", "titleBoilerplate:\n  - Kontaktbord\n  - KONTAKTBORD", "titleBoilerplate[1]", 10)]
    [InlineData("politeness:\n  delayMs: 500", "titleBoilerplate: [K]", "titleBoilerplate[0]", 8)]
    [InlineData("politeness:\n  delayMs: 500", "titleBoilerplate: Kontaktbord", "titleBoilerplate", 8)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  headers:\n    User-Agent: x", "fetch.headers.User-Agent", 10)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  headers:\n    Host: evil.example", "fetch.headers.Host", 10)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  headers:\n    'X Bad': x", "fetch.headers.X Bad", 10)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  cookies:\n    voorwaarden: 'ak koord'", "fetch.cookies.voorwaarden", 10)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  cookies:\n    voorwaarden: 'a;b=c'", "fetch.cookies.voorwaarden", 10)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  mode: browser\n  keepCookies: true", "fetch", 8)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  reverifyDays: -1", "listing.reverifyDays", 6)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  reverifyDays: 366", "listing.reverifyDays", 6)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  reverifyDays: weekly", "reverifyDays", 6)]
    [InlineData("adLinkSelector: a.ad", "adLinkSelector: a.ad\n  cardSelector: 'li[['", "listing.cardSelector", 6)]
    // shape errors from the YAML reader: unknown field, wrong type
    [InlineData("politeness:\n  delayMs: 500", "politeness:\n  delay: 500", "delay", 9)]
    [InlineData("politeness:\n  delayMs: 500", "politeness:\n  delayMs: fast", "delayMs", 9)]
    [InlineData("politeness:\n  delayMs: 500", "fetch:\n  mode: telnet", "mode", 9)]
    public void LoadText_FailsWithFileLineAndField_WhenInvalid(string replace, string with, string field, int line)
    {
        var yaml = Valid.Replace(replace, with, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid);
        var ex = Should.Throw<SiteDefinitionException>(() => SiteDefinitionLoader.LoadText(yaml, "crawlers/demo.yaml"));
        ex.Message.ShouldContain($"crawlers/demo.yaml:{line}: {field}:");
    }

    [Theory]
    // must not fail
    [InlineData("robots:\n  obey: false\n  reason: our own test site")]
    [InlineData("ad:\n  fields:\n    phone: 'a.wa@href | .phone'")]
    [InlineData("listing:\n  pageUrlTemplate: /list?p={page}\n  startUrls: [/list]\n  adUrlPattern: /ad/")]
    public void LoadText_Accepts_WhenValidVariant(string extra)
    {
        var yaml = Valid.Replace("politeness:\n  delayMs: 500", extra, StringComparison.Ordinal);
        if (extra.StartsWith("listing", StringComparison.Ordinal) || extra.StartsWith("ad:", StringComparison.Ordinal))
        {
            yaml = extra.StartsWith("listing", StringComparison.Ordinal)
                ? "name: demo\nbaseUrl: https://ads.example.org/\n" + extra
                : Valid.Replace("ad:\n  idFromUrl: \"/ad/(\\\\d+)\"", extra + "\n  idFromUrl: \"/ad/(\\\\d+)\"", StringComparison.Ordinal);
        }
        Should.NotThrow(() => SiteDefinitionLoader.LoadText(yaml, "demo.yaml"));
    }
}
