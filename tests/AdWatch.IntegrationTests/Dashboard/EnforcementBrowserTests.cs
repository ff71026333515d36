using AdWatch.Enforcement;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>In the browser, a coordinator records a control and an imposed dwangsom on a demo house and sees both on its dossier.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EnforcementBrowserTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_RecordsAControlAndADwangsom_OnADemoHouse_InTheBrowser()
    {
        var location = (await AnalystPageData.LoadAsync(fixture, Ct)).LastLocation;
        var store = fixture.Services.GetRequiredService<EnforcementStore>();
        var controlsBefore = (await store.ControlsAsync(location, Ct)).Count;
        var measuresBefore = (await store.MeasuresAsync(location, Ct)).Count;
        var page = await fixture.NewPageAsync(Policies.CoordinatorRole);
        try
        {
            await page.GotoAsync($"/locations/{location}");
            await page.FillAsync("#control-on", "2023-10-03");
            await page.CheckAsync("#control-form input[name=ControlBy][value=pct]");
            await page.CheckAsync("#control-form input[name=ControlIllegal]");
            await page.FillAsync("#persons-checked", "1");
            await page.FillAsync("#persons-illegal", "1");
            await page.CheckAsync("#control-form input[name=ControlCareOffered]");
            await page.FillAsync("#control-note", "Browsertest: na overlastmeldingen.");
            await page.ClickAsync("#control-form button[type=submit]");
            await page.WaitForSelectorAsync("#controls tr[data-control]:has-text('2023-10-03')");

            await page.SelectOptionAsync("#measure-kind", "dwangsom");
            await page.FillAsync("#measure-amount", "5000");
            await page.FillAsync("#measure-term", "2023-10-27");
            await page.SelectOptionAsync("#measure-state", "imposed");
            await page.FillAsync("#measure-on", "2023-10-13");
            await page.ClickAsync("#measure-form button[type=submit]");
            await page.WaitForSelectorAsync("article.measure[data-state=imposed]");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        var control = (await store.ControlsAsync(location, Ct)).Where(c => c.Note == "Browsertest: na overlastmeldingen.").ShouldHaveSingleItem();
        (control.ControlledOn, control.PersonsChecked, control.CareOffered).ShouldBe((new DateOnly(2023, 10, 3), 1, true));
        (await store.ControlsAsync(location, Ct)).Count.ShouldBe(controlsBefore + 1);
        var measures = await store.MeasuresAsync(location, Ct);
        measures.Count.ShouldBe(measuresBefore + 1);
        measures.ShouldContain(m => m.Type == MeasureType.Dwangsom && m.State == MeasureState.Imposed && m.AmountCents == 500_000);
    }
}
