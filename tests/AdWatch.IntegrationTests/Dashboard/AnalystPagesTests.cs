using System.Net;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Every analyst page answers with the demo data, in Dutch and in English, and the views that must be audited are.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AnalystPagesTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl", "Gemarkeerde locaties", "Kaart", "Telefoonnummer opzoeken", "Reizende adverteerders", "Crawlers", "Telefoonnummer markeren", "Bewijs")]
    [InlineData("en", "Flagged locations", "Map", "Phone lookup", "Touring advertisers", "Crawlers", "Mark phone number", "Evidence")]
    public async Task EveryPage_Answers_InBothLanguages(string culture, string list, string map, string lookup, string touring, string crawlers, string mark,
        string evidence)
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        async Task<string> Get(string path)
        {
            var response = await client.GetAsync(path + (path.Contains('?') ? "&" : "?") + "culture=" + culture, Ct);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {html}");
            html.ShouldContain($"<html lang=\"{(culture == "en" ? "en-GB" : "nl-NL")}\""); // en-GB: day before month
            return html;
        }

        (await Get("/locations")).ShouldContain($"<h1>{list}</h1>");
        (await Get("/locations?status=licensed&licensed=true&sort=advertisers&municipality=GM0243&minscore=0.1&from=2023-01-01&to=2023-12-31&p=1"))
            .ShouldContain($"<h1>{list}</h1>");
        var dossier = await Get($"/locations/{data.TopLocation}");
        dossier.ShouldContain($"id=\"map-h\">{map}</h2>");
        dossier.ShouldContain("<svg class=\"region-map\"");
        dossier.ShouldContain("class=\"point-main\"");
        dossier.ShouldContain("<svg class=\"timeline\"");
        dossier.ShouldContain(data.Phone);
        (await Get($"/phones?q={Uri.EscapeDataString(data.Phone)}")).ShouldContain($"<h1>{lookup}</h1>");
        (await Get("/touring")).ShouldContain($"<h1>{touring}</h1>");
        (await Get("/crawlers")).ShouldContain($"<h1>{crawlers}</h1>");
        (await Get($"/crawlers/{data.SiteId}")).ShouldContain("<table class=\"runs\">");
        (await Get($"/phones/{Uri.EscapeDataString(data.Phone)}/mark")).ShouldContain(mark);
        if (data.EvidenceId is { } e)
        {
            (await Get($"/locations/{data.TopLocation}/evidence/{e}")).ShouldContain($"<h1>{evidence}</h1>");
        }
    }

    [Theory]
    [InlineData("nl", "Wie is wie: koppelingen van adverteerders", "als één adverteerder geteld", "noemden alleen postcode 3841 JA Harderwijk; gekoppeld",
        "noemden alleen straat Voorbeeldstraat, Harderwijk; gekoppeld")]
    [InlineData("en", "Who is who: how advertisers were joined", "counted as one advertiser", "gave only postcode 3841 JA Harderwijk; joined",
        "gave only street Voorbeeldstraat, Harderwijk; joined")]
    public async Task Dossier_ExplainsItsIdentityDecisions_InBothLanguages(string culture, string heading, string phoneChange, string postcode, string street)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        async Task<string> Dossier(string postcode)
        {
            var id = SqliteRows.Read(fixture.DatabasePath, $"""
                SELECT CAST(l.id AS TEXT) FROM locations l JOIN places p ON p.id = l.place_id WHERE p.postcode = '{postcode}' AND p.precision = 'address'
                """).ShouldHaveSingleItem();
            var response = await client.GetAsync($"/locations/{id}?culture={culture}", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        var scenario = AdWatch.DemoSites.Scenario.Harderwijk2023Scenario.Create();
        var oldPhone = scenario.Advertisers.Single(a => a.Id == AdWatch.DemoSites.Scenario.Harderwijk2023Scenario.PhoneChangerId).PhoneE164;

        // The third house: the woman who changed her number is one advertiser, and the page says which two numbers were joined.
        var third = await Dossier("3844GJ");
        third.ShouldContain(heading);
        var note = third[third.IndexOf(heading, StringComparison.Ordinal)..];
        note.ShouldContain(phoneChange);
        note.ShouldContain(oldPhone);
        note.ShouldContain(AdWatch.DemoSites.Scenario.Harderwijk2023Scenario.NewPhone);
        // The first house: its postcode-only and street-only reposts were joined to it, and the page says so.
        var first = await Dossier("3841JA");
        var joins = first[first.IndexOf("id=\"identity\"", StringComparison.Ordinal)..];
        joins = joins[..joins.IndexOf("</section>", StringComparison.Ordinal)];
        joins.ShouldContain(postcode);
        joins.ShouldContain(street);
    }

    [Fact]
    public async Task DossierAndLookup_AreAudited_AndUnknownIdsAre404()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);

        (await client.GetAsync($"/locations/{data.TopLocation}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/phones?q={Uri.EscapeDataString(data.Phone)}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/locations/987654321", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/crawlers/987654321", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/phones/%2B31699999998/mark", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(fixture.Clock.GetUtcNow().AddMinutes(-5), 200, Ct);
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "view" && a.TargetKind == "location" && a.TargetId == data.TopLocation.ToString());
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "lookup" && a.TargetKind == "phone" && a.TargetId == data.Phone);
    }

    [Fact]
    public async Task MarkPhone_EnqueuesTheAnalysis_AndIsAudited()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var page = $"/phones/{Uri.EscapeDataString(data.Phone)}/mark";
        var runsBefore = await AnalystPageData.AnalysisRunsAsync(fixture, Ct);

        // "ok" again: the analysis re-runs on unchanged data, so the shared demo figures stay as they are.
        var response = await FormPost.SubmitAsync(client, page, [new("Status", "ok"), new("Note", "gecontroleerd: echt nummer")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("De analyse wordt zo dadelijk opnieuw uitgevoerd");
        await AnalystPageData.WaitForAnalysisAsync(fixture, runsBefore, Ct);
        var bad = await FormPost.SubmitAsync(client, page, [new("Status", "deleted")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(fixture.Clock.GetUtcNow().AddMinutes(-5), 200, Ct);
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "change" && a.TargetKind == "phone" && a.TargetId == data.Phone);
    }

    [Fact]
    public async Task ForgedReviewPost_ByAnAnalyst_IsRefused_AndChangesNothing()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var page = $"/locations/{data.LastLocation}";
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
        before.ShouldNotContain("value=\"propose_inspection\"");

        var response = await FormPost.SubmitAsync(client, page, [new("action", "propose_inspection"), new("Note", "forged")], page + "?handler=Review");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Alleen een coördinator of beheerder mag dit doen.");
        var flag = (await fixture.Services.GetRequiredService<AdWatch.Analysis.AnalysisStore>().GetFlagAsync(data.LastFlag, Ct)).ShouldNotBeNull();
        flag.Status.ShouldNotBe("inspection_proposed");
    }
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("abc")]
    public async Task LocationList_IgnoresAMinScoreThatIsNoNumber(string minScore)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);

        var response = await client.GetAsync("/locations?MinScore=" + Uri.EscapeDataString(minScore), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldContain("<table");
    }

    [Fact]
    public async Task PagesShowingPersonalData_AreAudited_TouringCrawlerAndPhoneMark()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var since = fixture.Clock.GetUtcNow().AddSeconds(-1);

        (await client.GetAsync("/touring", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/crawlers/{data.SiteId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/phones/{Uri.EscapeDataString(data.Phone)}/mark", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(since, 500, Ct);
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "view" && a.TargetKind == "touring");
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "view" && a.TargetKind == "crawler" && a.TargetId == data.SiteId.ToString());
        audit.ShouldContain(a => a.Actor == "ana" && a.Action == "view" && a.TargetKind == "phone" && a.TargetId == data.Phone);
    }

    [Fact]
    public async Task Evidence_IsServedOnlyUnderALocationWhoseDossierHoldsIt()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var evidence = data.EvidenceId.ShouldNotBeNull();
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);

        (await client.GetAsync($"/locations/{data.TopLocation}/evidence/{evidence}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/locations/99999/evidence/{evidence}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = data.LastLocation == data.TopLocation ? (long?)null : data.LastLocation;
        if (other is { } o && !await DossierHoldsAsync(o, evidence))
        {
            (await client.GetAsync($"/locations/{o}/evidence/{evidence}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    private async Task<bool> DossierHoldsAsync(long location, long evidence)
    {
        var dossier = await fixture.Services.GetRequiredService<DossierQuery>().GetAsync(location, Ct);
        return dossier!.Ads.SelectMany(a => a.Captures).Any(c => c.EvidenceId == evidence);
    }
}
