using AdWatch.DemoSites.Faults;
using Microsoft.Playwright;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

/// <summary>Drives Debian's Chromium through Playwright against Nachtlicht; skipped when no Chromium is installed.</summary>
[Trait("Category", "Browser")]
public sealed class NachtlichtBrowserTests
{
    private static readonly string[] ChromiumPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    [Fact]
    public async Task AgeGate_RevealsClientRenderedListingAndDetail_WhenClicked()
    {
        var chromium = ChromiumPaths.FirstOrDefault(File.Exists);
        if (chromium is null) Assert.Skip("No Chromium found (apt-get install -y chromium); browser test skipped.");

        await using var fixture = await DemoSiteFixture.StartAsync();
        fixture.Host.SimulatedDate = Day(2);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.Host.Nachtlicht.BaseUrl.AbsoluteUri);

        (await page.Locator("#app").IsHiddenAsync()).ShouldBeTrue();
        (await page.Locator("li.ad").CountAsync()).ShouldBe(0);

        await page.ClickAsync("button#age-ok");
        await page.WaitForSelectorAsync("main#app[data-state=ready]");
        (await page.Locator("#age-gate").IsHiddenAsync()).ShouldBeTrue();
        (await page.Locator("ul.ads > li.ad").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)")).ShouldBe(["a2", "a4"]);
        (await page.Locator("li.ad[data-id=a4] .ad__title").TextContentAsync()).ShouldBe("Bella nueva en Putten");

        await page.ClickAsync("li.ad[data-id=a4] a.ad__link");
        await page.WaitForSelectorAsync("main#app[data-state=ready] article.ad-view");
        page.Url.ShouldEndWith("/ad/a4");
        (await page.Locator(".ad-view__location").TextContentAsync()).ShouldBe("Kerkstraat 3, 3881 AB Putten");
        (await page.Locator(".ad-view__phone").TextContentAsync()).ShouldBe("06 87 65 43 21");

        // The gate is remembered by cookie; the redesign fault renames the classes the script renders.
        fixture.Host.Nachtlicht.Faults = new DemoFaults { RenamedClasses = true };
        await page.GotoAsync(fixture.Host.Nachtlicht.Url("?page=1").AbsoluteUri);
        await page.WaitForSelectorAsync("main#app[data-state=ready]");
        (await page.Locator("div.grid > section.tile").CountAsync()).ShouldBe(2);
        (await page.Locator("li.ad").CountAsync()).ShouldBe(0);
    }
}
