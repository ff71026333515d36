using System.Globalization;
using System.Net;
using AdWatch.Accounts;
using AdWatch.Exports.Files;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Web.Security;
using AdWatch.Web.Pages.Locations;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The organisation boundary on the demo's Harderwijk houses (GM0243): an Ermelo analyst (<c>erik</c>) and coordinator
/// (<c>eva</c>) are refused every route to a Harderwijk dossier (404, as if it did not exist, with an <c>access_refused</c>
/// audit row naming them and the target), get only "also seen elsewhere in the region: yes" for a Harderwijk phone, and
/// the police analyst (<c>paul</c>) sees all of it.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OrganisationAccessTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("erik", "/locations/{0}", "location")]
    [InlineData("erik", "/locations/{0}/evidence/{1}", "evidence")]
    [InlineData("erik", "/ads/{2}/images/0", "image")]
    [InlineData("eva", "/locations/{0}?handler=Pdf", "location")]
    [InlineData("erik", "/locations?municipality=GM0243", "municipality")]
    public async Task ErmeloUser_IsRefusedAndAudited_ForEveryRouteToAHarderwijkDossier(string user, string template, string targetKind)
    {
        var house = await HarderwijkHouseAsync();
        using var client = await SignInAsync(user);
        var path = string.Format(CultureInfo.InvariantCulture, template, house.LocationId, house.EvidenceId, house.AdId);
        var before = fixture.Clock.GetUtcNow().AddSeconds(-1);

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain(house.Street);
        var refused = (await fixture.Services.GetRequiredService<AuditLog>().ListAsync(before, 200, Ct))
            .Where(e => e.Action == "access_refused" && e.Actor == user && e.TargetKind == targetKind).ToList();
        refused.ShouldNotBeEmpty($"no access_refused audit row for {user} on {path}");
        refused[0].Detail.ShouldNotBeNull().ShouldContain("organisation ermelo (GM0233)");
        var expectedTarget = targetKind switch
        {
            "location" => house.LocationId.ToString(CultureInfo.InvariantCulture),
            "evidence" => house.EvidenceId.ToString(CultureInfo.InvariantCulture),
            "image" => $"{house.AdId.ToString(CultureInfo.InvariantCulture)}/0",
            _ => "GM0243",
        };
        refused.ShouldContain(e => e.TargetId == expectedTarget);
    }

    [Fact]
    public async Task ErmeloUser_ListsAndDownloadsNoHarderwijkLocation_WhileThePoliceSeesThem()
    {
        var house = await HarderwijkHouseAsync();
        using var erik = await SignInAsync("erik");
        using var eva = await SignInAsync("eva");
        using var paul = await SignInAsync("paul");

        var erikList = await erik.GetStringAsync("/locations", Ct);
        var paulList = await paul.GetStringAsync("/locations", Ct);
        var erikOverview = await erik.GetStringAsync("/", Ct);

        erikList.ShouldNotContain($"/locations/{house.LocationId}\"");
        erikList.ShouldNotContain(house.Street);
        paulList.ShouldContain($"/locations/{house.LocationId}");
        erikOverview.ShouldNotContain($"/locations/{house.LocationId}\"");
        (await erik.GetStringAsync("/touring", Ct)).ShouldNotContain($"/locations/{house.LocationId}\"");
        foreach (var format in new[] { "csv", "json" })
        {
            var download = await eva.GetAsync($"/locations?handler=Download&format={format}", Ct);
            download.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await download.Content.ReadAsStringAsync(Ct);
            text.ShouldNotContain(house.Street);
            text.ShouldNotContain("GM0243");
        }
        using var csv = new CsvReader(new StringReader(await eva.GetStringAsync("/locations?handler=Download&format=csv", Ct)), LeadFileExporter.CsvConfiguration);
        csv.GetRecords<dynamic>().ShouldBeEmpty("the demo's leads are all in Harderwijk");
    }

    [Fact]
    public async Task ErmeloAnalyst_GetsOnlyAHit_ForAHarderwijkPhone_AndThePoliceGetsTheDetails()
    {
        var house = await HarderwijkHouseAsync();
        using var erik = await SignInAsync("erik");
        using var paul = await SignInAsync("paul");
        var query = "/phones?q=" + Uri.EscapeDataString(house.Phone);

        var erikPage = await erik.GetStringAsync(query, Ct);
        var paulPage = await paul.GetStringAsync(query, Ct);

        erikPage.ShouldContain("id=\"elsewhere-in-region\"");
        erikPage.ShouldContain("<strong>ja</strong>");
        erikPage.ShouldNotContain("/locations/");
        erikPage.ShouldNotContain(house.Street);
        erikPage.ShouldNotContain("id=\"ad-count\"");
        paulPage.ShouldNotContain("id=\"elsewhere-in-region\"");
        paulPage.ShouldContain($"/locations/{house.LocationId}");
        paulPage.ShouldContain("id=\"ad-count\"");
        // A number nobody advertised is a "no" for the Ermelo analyst too.
        (await erik.GetStringAsync("/phones?q=0612000999", Ct)).ShouldContain("<strong>nee</strong>");
    }

    [Fact]
    public async Task ErmeloAnalyst_GetsOnlyAHit_ForAHarderwijkAddress_CannotWatchIt_AndThePoliceGetsTheDetails()
    {
        var house = await HarderwijkHouseAsync();
        var dossier = (await fixture.Services.GetRequiredService<DossierQuery>().GetAsync(house.LocationId, Ct)).ShouldNotBeNull();
        // Written as someone types a tip, not as the ad wrote it: lower case, the number spaced from its letter.
        var typed = $"{dossier.Place.Street!.ToLowerInvariant()} {dossier.Place.HouseNumber} {dossier.Place.Town}";
        using var erik = await SignInAsync("erik");
        using var paul = await SignInAsync("paul");
        var query = "/addresses?q=" + Uri.EscapeDataString(typed);

        var erikPage = WebUtility.HtmlDecode(await erik.GetStringAsync(query, Ct));
        var paulPage = WebUtility.HtmlDecode(await paul.GetStringAsync(query, Ct));

        erikPage.ShouldContain("id=\"known-elsewhere\"");
        erikPage.ShouldContain("<strong>ja</strong>");
        erikPage.ShouldNotContain("/locations/");
        erikPage.ShouldNotContain("class=\"address-hits\"");
        erikPage.ShouldNotContain("class=\"watch\"");
        paulPage.ShouldNotContain("id=\"known-elsewhere\"");
        paulPage.ShouldContain($"/locations/{house.LocationId}");
        paulPage.ShouldContain("class=\"watch\"");
        // A house no ad named is a "no"; text without a house number is no address at all.
        (await erik.GetStringAsync("/addresses?q=" + Uri.EscapeDataString("Nergensstraat 999, Harderwijk"), Ct)).ShouldContain("<strong>nee</strong>");
        (await erik.GetStringAsync("/addresses?q=Harderwijk", Ct)).ShouldContain("id=\"not-an-address\"");

        // Watching the Harderwijk house is refused to the Ermelo analyst as if it did not exist, and audited.
        var key = $"adr:GM0243:{AdWatch.Extraction.AddressNormalizer.StreetKey(dossier.Place.Street)}:{AdWatch.Extraction.AddressNormalizer.HouseNumber(dossier.Place.HouseNumber)}";
        var watch = await FormPost.SubmitAsync(erik, "/addresses?q=x", [new("kind", "address"), new("target", key), new("stop", "false"), new("back", "/addresses")],
            "/inbox?handler=Watch");
        watch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Services.GetRequiredService<AdWatch.Alerts.AlertStore>().IsWatchingAsync("erik", "address", key, Ct)).ShouldBeFalse();
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        audit.ShouldContain(e => e.Actor == "erik" && e.Action == "lookup" && e.TargetKind == "address" && e.Detail!.StartsWith("outside the organisation; known: yes"));
        audit.ShouldContain(e => e.Actor == "erik" && e.Action == "access_refused" && e.TargetKind == "address" && e.TargetId == key);
    }

    [Fact]
    public async Task ErmeloAccount_GetsErmelosYearInFigures_NotHarderwijksOrTheRegions_AndThePoliceGetsAll()
    {
        using var eva = await SignInAsync("eva");
        using var paul = await SignInAsync("paul");

        var own = await eva.GetAsync("/reports/year?year=2023", Ct);
        own.StatusCode.ShouldBe(HttpStatusCode.Redirect); // no choice made: her own municipality
        own.Headers.Location!.OriginalString.ShouldContain("municipality=GM0233");
        var page = WebUtility.HtmlDecode(await eva.GetStringAsync("/reports/year?year=2023&municipality=GM0233", Ct));
        page.ShouldContain("<option value=\"GM0233\" selected=\"selected\">Ermelo</option>");
        page.ShouldNotContain("value=\"GM0243\"");
        page.ShouldNotContain("alle gemeenten");
        (await eva.GetAsync("/reports/year?year=2023&municipality=GM0243", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await eva.GetAsync("/reports/year?handler=Csv&year=2023&municipality=GM0243", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var csv = await eva.GetAsync("/reports/year?handler=Csv&year=2023", Ct);
        csv.Headers.Location!.OriginalString.ShouldContain("handler=Csv");

        (await paul.GetAsync("/reports/year?year=2023&municipality=GM0243", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await paul.GetAsync("/reports/year?year=2023", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        audit.ShouldContain(e => e.Actor == "eva" && e.Action == "access_refused" && e.TargetKind == "year_report" && e.TargetId == "GM0243");
    }

    [Fact]
    public async Task PoliceAnalyst_OpensTheHarderwijkDossierItsEvidenceAndPhoto()
    {
        var house = await HarderwijkHouseAsync();
        using var paul = await SignInAsync("paul");

        var dossier = await paul.GetAsync($"/locations/{house.LocationId}", Ct);
        var evidence = await paul.GetAsync($"/locations/{house.LocationId}/evidence/{house.EvidenceId}", Ct);

        dossier.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dossier.Content.ReadAsStringAsync(Ct)).ShouldContain(house.Street);
        evidence.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (house.PhotoKept)
        {
            (await paul.GetAsync($"/ads/{house.AdId}/images/0", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        audit.ShouldNotContain(e => e.Action == "access_refused" && e.Actor == "paul");
    }

    [Fact]
    public async Task AccountWithoutOrganisation_SeesTheOverviewButNoDossier()
    {
        var house = await HarderwijkHouseAsync();
        var users = fixture.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync("nemo", Ct) is null)
        {
            await users.AddAsync("nemo", Role.Analyst, PasswordSignIn.Hash("nemo", "nemo-wachtwoord-2024"), fixture.Clock.GetUtcNow(), Ct);
        }
        using var nemo = fixture.NewClient();
        (await FormPost.SignInAsync(nemo, "nemo", "nemo-wachtwoord-2024")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var overview = await nemo.GetAsync("/", Ct);
        var dossier = await nemo.GetAsync($"/locations/{house.LocationId}", Ct);
        var list = await nemo.GetStringAsync("/locations", Ct);

        overview.StatusCode.ShouldBe(HttpStatusCode.OK);
        dossier.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.ShouldNotContain($"/locations/{house.LocationId}\"");
        var log = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        log.ShouldContain(e => e.Actor == "nemo" && e.Action == "access_refused" && e.Detail!.Contains("no organisation assigned"));
    }

    [Fact]
    public async Task Admin_AssignsAnOrganisation_ThatCountsFromTheNextSignIn()
    {
        var house = await HarderwijkHouseAsync();
        var password = await fixture.AddUserAsync("olga", Policies.AnalystRole);
        using var admin = await fixture.SignedInClientAsync(Policies.AdminRole);

        var unknown = await FormPost.SubmitAsync(admin, "/admin/users", [new("Name", "olga"), new("Organisation", "utrecht")], "/admin/users?handler=Organisation");
        var assigned = await FormPost.SubmitAsync(admin, "/admin/users", [new("Name", "olga"), new("Organisation", "ermelo")], "/admin/users?handler=Organisation");

        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)).ShouldContain("Kies een bestaande organisatie.");
        WebUtility.HtmlDecode(await assigned.Content.ReadAsStringAsync(Ct)).ShouldContain("Organisatie van olga ingesteld.");
        using var olga = fixture.NewClient();
        (await FormPost.SignInAsync(olga, "olga", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await olga.GetAsync($"/locations/{house.LocationId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var log = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        log.ShouldContain(e => e.Actor == "adam" && e.TargetId == "olga" && e.Detail == "organisation ermelo");
    }

    private async Task<HttpClient> SignInAsync(string name)
    {
        var client = fixture.NewClient();
        var response = await FormPost.SignInAsync(client, name, DashboardFixture.OrganisationAccounts[name].Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }

    /// <summary>The top demo house in Harderwijk with a capture, an ad (with a photo when one was kept) and a phone.</summary>
    private async Task<House> HarderwijkHouseAsync()
    {
        var list = await fixture.Services.GetRequiredService<FlaggedLocationQuery>()
            .ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything }, Ct);
        var row = list.Rows.First(r => r.MunicipalityCode == "GM0243" && r.FlagId is not null && !r.Label.Contains("xss", StringComparison.OrdinalIgnoreCase));
        var dossier = (await fixture.Services.GetRequiredService<DossierQuery>().GetAsync(row.LocationId, Ct)).ShouldNotBeNull();
        var ad = dossier.Ads.FirstOrDefault(a => a.PhotoSha256.Count > 0 && a.PhotoSha256[0] is not null)
                 ?? dossier.Ads.First(a => a.ImageUrls.Count > 0);
        var evidence = dossier.Ads.SelectMany(a => a.Captures).First(c => c.EvidenceId is not null).EvidenceId!.Value;
        return new House(row.LocationId, dossier.Place.Street ?? dossier.Label, evidence, ad.AdId,
            ad.PhotoSha256.Count > 0 && ad.PhotoSha256[0] is not null, dossier.Phones.First(p => p.Status == "ok").E164);
    }

    private sealed record House(long LocationId, string Street, long EvidenceId, long AdId, bool PhotoKept, string Phone);
}
