using System.Net;
using AdWatch.Web.Security;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Ad text that would disguise itself or stall the analyst's browser: a title reversed by U+202E shows its control as a
/// visible marker (never raw), and a 1 MB body is shown in part with the number of characters left out, so the dossier
/// stays small and its load event fires.
/// </summary>
[Collection(HostileDashboardCollection.Name)]
public sealed class HostileTextTests(HostileDashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] BidiControls =
        ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

    [Fact]
    public async Task Dossier_ShowsBidiControlsAsMarkers()
    {
        var html = WebUtility.HtmlDecode(await DossierAsync());

        html.ShouldContain("⟦U+202E⟧gnp.exe", customMessage: "the reversed title shows its control");
        html.ShouldContain("Lisa⟦U+2067⟧⟦U+202E⟧anirak⟦U+2069⟧", customMessage: "the advertiser name shows its controls");
        foreach (var control in BidiControls)
        {
            html.ShouldNotContain(control, customMessage: $"U+{(int)control[0]:X4} is rendered raw (or as a character reference)");
        }
    }

    [Fact]
    public async Task Dossier_ShowsPartOfAHugeBody()
    {
        var html = await DossierAsync();

        html.Length.ShouldBeLessThan(300_000, "a 1 MB ad body must not be rendered whole");
        html.ShouldNotContain(HostileSeed.HugeBodyEnd);
        html.ShouldContain("Lange tekst zonder einde.", customMessage: "the first 4,000 characters are shown");
        WebUtility.HtmlDecode(html).ShouldContain((HostileSeed.HugeBodyLength - 4_000).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))
            + " tekens meer; de volledige tekst staat in het bewijs");
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Dossier_WithAHugeBody_Loads()
    {
        var page = await fixture.App.NewPageAsync(Policies.CoordinatorRole);
        try
        {
            var response = await page.GotoAsync($"/locations/{fixture.Hostile.LocationId}", new PageGotoOptions { WaitUntil = WaitUntilState.Load });

            response!.Status.ShouldBe(200);
            (await page.EvaluateAsync<string>("() => document.readyState")).ShouldBe("complete");
            (await page.EvaluateAsync<int>("() => document.body.textContent.length")).ShouldBeLessThan(300_000, "the DOM holds no megabyte of ad text");
            (await page.Locator("h3", new PageLocatorOptions { HasText = "gnp.exe" }).InnerTextAsync()).ShouldContain("⟦U+202E⟧gnp.exe");
            (await page.Locator(".ad-body-more").CountAsync()).ShouldBe(1, "only the huge body is cut");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> DossierAsync()
    {
        using var client = await fixture.App.SignedInClientAsync(Policies.CoordinatorRole);
        using var response = await client.GetAsync($"/locations/{fixture.Hostile.LocationId}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
