using System.Net;
using AdWatch.Enforcement;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The dossier's Handhaving section on a demo house: a coordinator records a control and a dwangsom and forfeits it (each
/// audited); a change the rules refuse is one clear message and changes nothing; an analyst sees the records but no forms, and
/// a forged post is refused.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class EnforcementPagesTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private EnforcementStore Store => fixture.Services.GetRequiredService<EnforcementStore>();

    [Fact]
    public async Task Coordinator_RecordsAControlAndAMeasure_AndChangesItsState_AllAudited()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var location = data.TopLocation;
        var page = $"/locations/{location}";
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var before = (await Store.ControlsAsync(location, Ct)).Count;

        var control = await FormPost.SubmitAsync(client, page, [
            new("ControlOn", "2023-02-21"), new("ControlBy", "pct"), new("ControlBy", "boa"), new("ControlPremises", "woning"),
            new("ControlIllegal", "true"), new("PersonsChecked", "2"), new("PersonsIllegal", "2"), new("ControlCareOffered", "true"),
            new("ControlNote", "na meldingen"),
        ], page + "?handler=Control");
        control.StatusCode.ShouldBe(HttpStatusCode.Redirect, await control.Content.ReadAsStringAsync(Ct));
        var stored = (await Store.ControlsAsync(location, Ct)).Last();
        (stored.ControlledOn, stored.PersonsChecked, stored.Premises, stored.CareOffered, stored.RecordedBy)
            .ShouldBe((new DateOnly(2023, 2, 21), 2, Premises.Woning, true, DashboardFixture.Accounts[Policies.CoordinatorRole].Name));
        stored.ByWhom.ShouldBe([ControlParty.Pct, ControlParty.Boa]);
        (await Store.ControlsAsync(location, Ct)).Count.ShouldBe(before + 1);

        var measure = await FormPost.SubmitAsync(client, page, [
            new("MeasureKind", "dwangsom"), new("MeasureAmount", "5000"), new("MeasureTermEndsOn", "2023-03-15"), new("MeasureFirstState", "imposed"),
            new("MeasureOn", "2023-03-01"),
        ], page + "?handler=Measure");
        measure.StatusCode.ShouldBe(HttpStatusCode.Redirect, await measure.Content.ReadAsStringAsync(Ct));
        var dwangsom = (await Store.MeasuresAsync(location, Ct)).Last();
        (dwangsom.Type, dwangsom.AmountCents, dwangsom.State).ShouldBe((MeasureType.Dwangsom, (long?)500_000, MeasureState.Imposed));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
        html.ShouldContain($"data-control=\"{stored.Id}\"");
        html.ShouldContain($"id=\"measure-{dwangsom.Id}\" data-state=\"imposed\"");
        html.ShouldContain("<option value=\"forfeited\">verbeurd</option>");
        html.ShouldNotContain("<option value=\"executed\">"); // a dwangsom is forfeited, never executed

        var executed = await FormPost.SubmitAsync(client, page, [new("MeasureId", dwangsom.Id.ToString()), new("NewState", "executed"), new("StateOn", "2023-04-05")],
            page + "?handler=MeasureState");
        executed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await executed.Content.ReadAsStringAsync(Ct)).ShouldContain("Alleen een dwangsom kan verbeurd worden, en alleen een bestuursdwang of sluiting toegepast.");

        var forfeited = await FormPost.SubmitAsync(client, page, [new("MeasureId", dwangsom.Id.ToString()), new("NewState", "forfeited"), new("StateOn", "2023-04-05")],
            page + "?handler=MeasureState");
        forfeited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Store.GetMeasureAsync(dwangsom.Id, Ct))!.State.ShouldBe(MeasureState.Forfeited);
        (await Store.EventsAsync(dwangsom.Id, Ct)).Select(e => e.To).ShouldBe([MeasureState.Imposed, MeasureState.Forfeited]);

        await using var c = await fixture.Services.GetRequiredService<AdWatch.Storage.Database>().OpenAsync(Ct);
        (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT detail FROM audit_log WHERE target_kind = 'measure' AND target_id = @id ORDER BY id", new { id = dwangsom.Id.ToString() }, cancellationToken: Ct)))
            .ShouldBe([$"dwangsom recorded at location {location}: imposed on 2023-03-01", "imposed → forfeited on 2023-04-05"]);

        var english = WebUtility.HtmlDecode(await client.GetStringAsync(page + "?culture=en", Ct));
        english.ShouldContain("id=\"enforcement-h\">Enforcement</h2>");
        english.ShouldContain("Record a control");
    }

    [Fact]
    public async Task Analyst_SeesNoForms_AndAForgedControlPostIsRefused()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var page = $"/locations/{data.LastLocation}";
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
        html.ShouldContain("id=\"enforcement-h\">Handhaving</h2>");
        html.ShouldNotContain("id=\"control-form\"");
        var before = (await Store.ControlsAsync(data.LastLocation, Ct)).Count;

        var response = await FormPost.SubmitAsync(client, page, [
            new("ControlOn", "2023-02-21"), new("ControlBy", "pct"), new("ControlPremises", "woning"), new("PersonsChecked", "1"),
        ], page + "?handler=Control");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.ControlsAsync(data.LastLocation, Ct)).Count.ShouldBe(before);
    }
    [Fact]
    public async Task YearPage_ShowsTheReportOfTheRecords_AsTextAndCsv_AndRefusesABadYear()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var expected = await fixture.Services.GetRequiredService<YearReportQuery>().ComputeAsync(2023, "GM0243", Ct);

        var page = await client.GetAsync("/reports/year?year=2023&municipality=GM0243", Ct);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));

        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("<h1>Jaarcijfers</h1>");
        html.ShouldContain($"<li>{expected.Lines()[0]};</li>");
        html.ShouldContain($"<li>{expected.Lines()[3]};</li>");
        var csv = await client.GetStringAsync("/reports/year?handler=Csv&year=2023&municipality=GM0243", Ct);
        csv.ShouldStartWith("figure,value\n");
        csv.ShouldContain($"controls,{expected.Controls}\n");

        var bad = await client.GetAsync("/reports/year?year=20x3", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("Kies een jaar van 1990 tot 2100.");
        (await client.GetAsync("/reports/year?year=2023&municipality=GM9999", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await client.GetStringAsync("/reports/year?year=2023&culture=en", Ct)).ShouldContain("<h1>Year in figures</h1>");
    }
}
