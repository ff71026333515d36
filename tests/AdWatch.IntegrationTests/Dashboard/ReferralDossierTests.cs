using System.Globalization;
using System.Net;
using AdWatch.Accounts;
using AdWatch.IntegrationTests.Exports;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real app with the shipped <c>config/referrals.yaml</c> on a temp SQLite file: two seeded leads (<see cref="LeadSeed"/>),
/// one in Harderwijk and one moved to Putten, and one account per role. No demo, no crawl: only the dossier page.
/// </summary>
public sealed class ReferralDossierFixture : IAsyncLifetime
{
    public const string Password = "zorg-wachtwoord-2024";
    public static readonly (string Name, Role Role)[] Users = [("ria", Role.Analyst), ("cor", Role.Coordinator), ("ada", Role.Admin)];
    private TestWebApp? _app;

    public string BaseUrl { get; private set; } = "";
    public long HarderwijkLocation { get; private set; }
    public long PuttenLocation { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = await TestWebApp.BuildAsync("adwatch-referral-", "referral.db", null, ct);
        var database = _app.Services.GetRequiredService<Database>();
        var harderwijkFlag = await LeadSeed.LeadAsync(database, key: "adr:GM0243:STATIONSLAAN:14A", ct: ct);
        var puttenFlag = await LeadSeed.LeadAsync(database, key: "adr:GM0273:DORPSSTRAAT:3", label: "Dorpsstraat 3, 3881 AA Putten", ct: ct);
        await using (var c = await database.OpenAsync(ct))
        {
            HarderwijkLocation = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @harderwijkFlag", new { harderwijkFlag });
            PuttenLocation = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @puttenFlag", new { puttenFlag });
            await c.ExecuteAsync("""
                UPDATE places SET municipality_code = 'GM0273', place_name = 'Putten', postcode = '3881AA'
                WHERE id = (SELECT place_id FROM locations WHERE id = @PuttenLocation)
                """, new { PuttenLocation });
        }
        var users = _app.Services.GetRequiredService<UserStore>();
        foreach (var (name, role) in Users)
        {
            // The regional coordinator's organisation: both leads (Harderwijk and Putten) are in its scope.
            await users.AddAsync(name, role, PasswordSignIn.Hash(name, Password), TimeProvider.System.GetUtcNow(), DashboardFixture.RegionalOrganisation, ct);
        }
        await _app.StartAsync(ct);
        BaseUrl = _app.BaseUrl;
    }

    public Task<HttpClient> SignedInAsync(string user) => _app!.SignedInAsync(user, Password);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Runs alone, like <see cref="DashboardCollection"/>: its app's background jobs are waited for, and need not share the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReferralDossierCollection : ICollectionFixture<ReferralDossierFixture>
{
    public const string Name = "ReferralDossier";
}

/// <summary>Care first: every role sees, on every dossier, who to call for help or to report, for the location's municipality.</summary>
[Collection(ReferralDossierCollection.Name)]
public sealed class ReferralDossierTests(ReferralDossierFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ria")]
    [InlineData("cor")]
    [InlineData("ada")]
    public async Task Dossier_ShowsMeldMisdaadAnoniemCoMenshaAndTheMunicipalitysCoordinator_ToEveryRole(string user)
    {
        using var client = await fixture.SignedInAsync(user);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page(fixture.HarderwijkLocation) + "?culture=nl", Ct));

        html.ShouldContain("<section class=\"referral\" id=\"referral\" aria-labelledby=\"referral-h\" data-municipality=\"GM0243\">");
        html.ShouldContain("<h2 id=\"referral-h\">Hulp en melden — Harderwijk</h2>");
        html.ShouldContain("<a href=\"tel:08007000\">0800-7000</a>");
        html.ShouldContain("Meld Misdaad Anoniem (M.)");
        html.ShouldContain("<a href=\"mailto:info@comensha.nl\">info@comensha.nl</a>");
        html.ShouldContain("Zorgcoördinator mensenhandel Harderwijk (VOORBEELD)");
        html.ShouldContain("zorgcoordinator@harderwijk.example");
        html.ShouldContain("Voorbeeld: vervang dit in config/referrals.yaml");
        html.ShouldNotContain("ermelo.example");
    }

    [Fact]
    public async Task Dossier_ShowsTheReferralInEnglish_AndTheSpanishAndPortugueseTextsForThePerson()
    {
        using var client = await fixture.SignedInAsync("ria");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page(fixture.HarderwijkLocation) + "?culture=en", Ct));

        html.ShouldContain("<h2 id=\"referral-h\">Help and reporting — Harderwijk</h2>");
        html.ShouldContain("In immediate danger: call 112.");
        html.ShouldContain("Report exploitation or human trafficking anonymously and free of charge.");
        html.ShouldContain("For the person at a control (Spanish and Portuguese):");
        html.ShouldContain("<div lang=\"es\" class=\"referral-lang\" id=\"referral-es\">");
        html.ShouldContain("Web https://www.meldmisdaadanoniem.nl — Denuncie la explotación o la trata de personas de forma gratuita y anónima.");
        html.ShouldContain("<div lang=\"pt\" class=\"referral-lang\" id=\"referral-pt\">");
        html.ShouldContain("Telefone 0800-7000");
        html.ShouldContain("Horário: dias úteis das 9:00 às 17:00 (exemplo)");
    }

    [Fact]
    public async Task Dossier_ShowsTheCoordinatorOfItsOwnMunicipality()
    {
        using var client = await fixture.SignedInAsync("ria");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(Page(fixture.PuttenLocation), Ct));

        html.ShouldContain("data-municipality=\"GM0273\"");
        html.ShouldContain("Zorgcoördinator mensenhandel Putten (VOORBEELD)");
        html.ShouldContain("0800-7000");
        html.ShouldNotContain("harderwijk.example");
    }

    private static string Page(long location) => $"/locations/{location.ToString(CultureInfo.InvariantCulture)}";
}
