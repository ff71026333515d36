using AdWatch.Web.Security;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Hostile ad content in every stored field stays inert on every page that shows it: no script ran (<c>window.__pwned</c>
/// unset, no dialog, title unchanged), no element or style from a payload exists, and the payload is visible as text.
/// </summary>
[Collection(HostileDashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class XssBrowserTests(HostileDashboardFixture fixture)
{
    public static TheoryData<string> Pages => new()
    {
        "/locations", "/locations/{location}", "/locations/{location}/evidence/{evidence}", "/phones?q=" + Uri.EscapeDataString(HostileSeed.Phone),
        "/touring", "/crawlers", "/crawlers/{site}", "/locations/{location}?culture=en",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task HostileContent_IsInert(string path)
    {
        var h = fixture.Hostile;
        var url = path.Replace("{location}", h.LocationId.ToString(), StringComparison.Ordinal)
            .Replace("{evidence}", h.EvidenceId.ToString(), StringComparison.Ordinal).Replace("{site}", h.SiteId.ToString(), StringComparison.Ordinal);
        var page = await fixture.App.NewPageAsync(Policies.CoordinatorRole);
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        try
        {
            var response = await page.GotoAsync(url);
            response!.Status.ShouldBe(200, url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var buttons = await page.Locator("button.ad-image").AllAsync();
            if (path.StartsWith("/locations/{location}", StringComparison.Ordinal) && !path.Contains("/evidence/", StringComparison.Ordinal))
            {
                buttons.Count.ShouldBe(3, "the dossier shows the kept photo of each of the three hostile ads");
            }
            foreach (var button in buttons)
            {
                await button.ClickAsync(); // unblurring an image must not run anything either
            }
            await page.Locator("body").HoverAsync();

            (await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'")).ShouldBeTrue(url);
            dialogs.ShouldBeEmpty(url);
            (await page.TitleAsync()).ShouldNotBe("pwned");
            (await page.TitleAsync()).ShouldEndWith(" · AdWatch");
            (await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-pwned], [onerror], [onload], [onmouseover]').length")).ShouldBe(0, url);
            (await page.EvaluateAsync<int>("() => document.querySelectorAll('body style, script:not([src]), a[href^=\"javascript:\"], iframe').length")).ShouldBe(0, url);
            (await page.EvaluateAsync<bool>("() => getComputedStyle(document.body).display !== 'none'")).ShouldBeTrue(url);
            (await page.InnerTextAsync("main")).ShouldContain("<script>window.__pwned=", customMessage: $"{url} should show a payload as text");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
