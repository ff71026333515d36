using AdWatch.Web.Security;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The analyst pages in a real browser on the demo data: phone lookup by spelling, accessibility (axe) and screenshots.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnalystBrowserTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhoneLookup_GivesTheSameResult_ForThreeSpellingsOfADemoNumber()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        data.Phone.ShouldStartWith("+316");
        var d = data.Phone[3..]; // 6XXXXXXXX
        string[] spellings = [$"0{d[0]}-{d[1..3]} {d[3..5]} {d[5..7]} {d[7..]}", $"+31 {d[0]} {d[1..5]} {d[5..]}", $"0031{d}"];
        var page = await fixture.NewPageAsync(Policies.AnalystRole);
        try
        {
            var results = new List<string>();
            foreach (var spelling in spellings)
            {
                await page.GotoAsync("/phones");
                await page.FillAsync("#q", spelling);
                await page.ClickAsync("form[role=search] button[type=submit]");
                await page.WaitForSelectorAsync("#result-number");
                (await page.InnerTextAsync("#result-number")).ShouldBe(data.Phone, spelling);
                results.Add(await page.InnerTextAsync("table.phone-ads tbody") + await page.InnerTextAsync("table.phone-places tbody"));
            }
            results.Distinct().Count().ShouldBe(1);
            int.Parse(await page.InnerTextAsync("#ad-count"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, "phone-lookup");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("/locations", "locations", "nl")]
    [InlineData("/locations/{top}", "dossier", "nl")]
    [InlineData("/locations/{top}", "dossier-en", "en")]
    [InlineData("/touring", "touring", "nl")]
    [InlineData("/reports/year", "year-report", "nl")]
    [InlineData("/crawlers", "crawlers", "nl")]
    [InlineData("/crawlers/{site}", "crawler-site", "nl")]
    public async Task Page_IsAccessible_AndScreenshotted(string path, string name, string culture)
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var page = await fixture.NewPageAsync(Policies.CoordinatorRole);
        try
        {
            var url = path.Replace("{top}", data.TopLocation.ToString(), StringComparison.Ordinal)
                .Replace("{site}", data.SiteId.ToString(), StringComparison.Ordinal) + "?culture=" + culture;
            (await page.GotoAsync(url))!.Status.ShouldBe(200);
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(culture == "en" ? "en-GB" : "nl-NL"); // day before month in English
            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, name);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task DossierImages_AreBlurred_UntilClicked()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var page = await fixture.NewPageAsync(Policies.AnalystRole);
        try
        {
            await page.GotoAsync($"/locations/{data.TopLocation}");
            var images = page.Locator("button.ad-image");
            if (await images.CountAsync() == 0)
            {
                Assert.Skip("The demo ads of this location have no kept photos.");
            }
            var first = images.First;
            (await first.GetAttributeAsync("class"))!.ShouldContain("blurred");
            var image = first.Locator("img");
            (await image.GetAttributeAsync("src"))!.ShouldEndWith("?preview=true", customMessage: "until clicked only a tiny preview loads");
            await first.ClickAsync();
            (await image.GetAttributeAsync("src")).ShouldBe(await image.GetAttributeAsync("data-full"));
            (await first.GetAttributeAsync("class"))!.ShouldNotContain("blurred");
            (await first.GetAttributeAsync("aria-pressed")).ShouldBe("true");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
