using System.Net;
using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The overview on the demo data: the four Harderwijk flags, activity chart, crawler health, visits, English.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_LinksEachCrawler_ToItsPage()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);
        var html = await client.GetStringAsync("/", Ct);
        var links = System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/crawlers/[^\"]+)\">([a-z-]+)</a>").ToList();

        links.Select(l => l.Groups[2].Value).ShouldContain("kontaktbord");
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link.Groups[1].Value, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, link.Groups[1].Value);
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldContain(link.Groups[2].Value);
        }
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Overview_ShowsTheFourHarderwijkFlags_AndIsAccessible()
    {
        // A first visit: all four flags are "new" to this account.
        var page = await fixture.SignedInPageAsync("ovide", await fixture.AddUserAsync("ovide", Policies.CoordinatorRole));
        try
        {
            (await page.Locator("h1").TextContentAsync()).ShouldBe("Overzicht");
            var harderwijk = page.Locator("table.flag-counts tr[data-municipality=GM0243]");
            (await harderwijk.Locator("th").TextContentAsync()).ShouldBe("Harderwijk");
            (await harderwijk.Locator("td[data-status=new]").TextContentAsync())!.Trim().ShouldBe("4");
            (await harderwijk.Locator("td.total").TextContentAsync()).ShouldBe("4");
            (await page.Locator("table.flag-counts tr[data-municipality=GM0233] td.total").TextContentAsync()).ShouldBe("0");
            (await page.Locator("table.new-flags tbody tr").CountAsync()).ShouldBe(4);
            (await page.Locator("svg.chart polyline[data-municipality=GM0243]").CountAsync()).ShouldBe(1);
            (await page.Locator("table.crawler-health td a", new() { HasText = "kontaktbord" }).CountAsync()).ShouldBe(1);

            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, "overview");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Overview_IsInEnglish_AfterTheSwitch()
    {
        var page = await fixture.NewPageAsync(Policies.AnalystRole, culture: "en");
        try
        {
            await page.GotoAsync("/");

            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en-GB");
            (await page.Locator("h1").TextContentAsync()).ShouldBe("Overview");
            (await page.Locator("#flags-heading").TextContentAsync()).ShouldBe("Flagged locations per municipality and status");
            (await page.Locator("table.flag-counts thead th").AllTextContentsAsync()).ShouldContain("Inspection proposed");
            (await page.Locator("#trend-heading").TextContentAsync()).ShouldBe("Activity per municipality");
            await DashboardFixture.ScreenshotAsync(page, "overview-en");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Overview_DrawsWeeklyActivity_FromTheDemoObservations()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);

        var html = await client.GetStringAsync("/", Ct);

        var start = html.IndexOf("data-municipality=\"GM0243\" points=\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var points = html[(start + 36)..html.IndexOf('"', start + 36)].Split(' ');
        points.Length.ShouldBe(26);
        // The y coordinate of 0 ads is the chart's bottom line; Harderwijk had ads in the second half of 2023.
        points.Select(p => p.Split(',')[1]).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Overview_RecordsTheVisit_AndTheNextSessionCountsFromIt()
    {
        var users = fixture.Services.GetRequiredService<UserStore>();
        await users.AddAsync("vera", Role.Analyst, PasswordSignIn.Hash("vera", "vera-wachtwoord-2024"), fixture.Clock.GetUtcNow(), "regio", Ct);
        using var first = fixture.NewClient();
        (await FormPost.SignInAsync(first, "vera", "vera-wachtwoord-2024")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var firstVisit = await first.GetStringAsync("/", Ct);
        (await users.FindAsync("vera", Ct))!.LastVisitAt.ShouldNotBeNull();
        using var second = fixture.NewClient();
        (await FormPost.SignInAsync(second, "vera", "vera-wachtwoord-2024")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var secondVisit = await second.GetStringAsync("/", Ct);

        firstVisit.ShouldContain("Dit is uw eerste bezoek");
        firstVisit.ShouldContain("class=\"new-flags\"");
        secondVisit.ShouldContain("Vorig bezoek:");
        secondVisit.ShouldContain("id=\"no-new-flags\"");
    }
}
