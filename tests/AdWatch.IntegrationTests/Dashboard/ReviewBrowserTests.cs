using AdWatch.Accounts;
using AdWatch.Storage;
using System.Net;
using AdWatch.Analysis;
using AdWatch.Web.Pages.Locations;
using AdWatch.Review;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The review workflow end to end in the browser, with each role's buttons, on its own app (statuses change here).</summary>
[Collection(HostileDashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReviewBrowserTests(HostileDashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReviewWorkflow_AnalystReviews_CoordinatorProposesInspectsAndCloses()
    {
        var app = fixture.App;
        var list = await app.Services.GetRequiredService<FlaggedLocationQuery>().ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Status = "new" }, Ct);
        var target = list.Rows.First(r => r.LocationId != fixture.Hostile.LocationId);
        var path = $"/locations/{target.LocationId}";

        var analyst = await app.NewPageAsync(Policies.AnalystRole);
        try
        {
            await analyst.GotoAsync(path);
            (await analyst.Locator("button[value=propose_inspection]").CountAsync()).ShouldBe(0);
            await analyst.ClickAsync("button[value=take_in_review]");
            await analyst.WaitForSelectorAsync("#flag-status[data-status=in_review]");
            await analyst.FillAsync("#note", "Drie adverteerders in twee weken; buren gebeld.");
            await analyst.ClickAsync("button[value=note]");
            await analyst.WaitForSelectorAsync("td.note:has-text('buren gebeld')");
            (await analyst.Locator("button[value=propose_inspection]").CountAsync()).ShouldBe(0, "only coordinators propose inspections");
            (await analyst.Locator("button[value=dismiss]").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await analyst.Context.CloseAsync();
        }

        // A forged POST by the analyst (valid session and antiforgery token, button not shown) is refused by the workflow.
        using (var client = await app.SignedInClientAsync(Policies.AnalystRole))
        {
            var forged = await FormPost.SubmitAsync(client, path, [new("action", "propose_inspection")], path + "?handler=Review");
            forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await Status(target.FlagId!.Value)).ShouldBe("in_review");

        var coordinator = await app.NewPageAsync(Policies.CoordinatorRole);
        try
        {
            await coordinator.GotoAsync(path);
            await coordinator.FillAsync("#note", "Voorstel: controle door toezicht.");
            await coordinator.ClickAsync("button[value=propose_inspection]");
            await coordinator.WaitForSelectorAsync("#flag-status[data-status=inspection_proposed]");
            await coordinator.ClickAsync("button[value=mark_inspected]");
            await coordinator.WaitForSelectorAsync("#flag-status[data-status=inspected]");
            (await coordinator.Locator("button[value=dismiss]").CountAsync()).ShouldBe(0, "an inspected flag cannot be dismissed");
            await coordinator.ClickAsync("button[value=close]");
            await coordinator.WaitForSelectorAsync("#flag-status[data-status=closed]");
            (await coordinator.Locator("button[value=reopen]").CountAsync()).ShouldBe(1);
        }
        finally
        {
            await coordinator.Context.CloseAsync();
        }

        var history = await app.Services.GetRequiredService<ReviewStore>().HistoryAsync(target.FlagId.Value, Ct);
        history.Select(h => (h.Actor, h.ToStatus.ToText())).ShouldBe(
            [("ana", "in_review"), ("ana", "in_review"), ("coco", "inspection_proposed"), ("coco", "inspected"), ("coco", "closed")]);
        history[1].Note.ShouldBe("Drie adverteerders in twee weken; buren gebeld.");
    }

    [Fact]
    public async Task Dismiss_NeedsAReason()
    {
        var app = fixture.App;
        var list = await app.Services.GetRequiredService<FlaggedLocationQuery>().ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Status = "new" }, Ct);
        var target = list.Rows.Last(r => r.LocationId != fixture.Hostile.LocationId);
        var page = await app.NewPageAsync(Policies.AnalystRole);
        try
        {
            await page.GotoAsync($"/locations/{target.LocationId}");
            await page.ClickAsync("button[value=dismiss]");
            (await page.Locator(".alert-error").InnerTextAsync()).ShouldContain("reden");
            (await Status(target.FlagId!.Value)).ShouldBe("new");

            await page.FillAsync("#note", "Vergunde massagesalon, geen prostitutie.");
            await page.ClickAsync("button[value=dismiss]");
            await page.WaitForSelectorAsync("#flag-status[data-status=dismissed]");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> Status(long flagId) =>
        (await fixture.App.Services.GetRequiredService<AnalysisStore>().GetFlagAsync(flagId, Ct)).ShouldNotBeNull().Status;
}
