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
/// The real app on a temp SQLite file with two seeded leads (<see cref="LeadSeed"/>): one whose place PDOK geocoded (BAG ids
/// and gebruiksdoel in <c>places</c>), one geocoded offline; an analyst account. No demo, no crawl: only the dossier page.
/// </summary>
public sealed class BagDossierFixture : IAsyncLifetime
{
    public const string Analyst = "bea";
    public const string Password = "bea-wachtwoord-2024";
    private TestWebApp? _app;

    public string BaseUrl { get; private set; } = "";
    public long PdokLocation { get; private set; }
    public long OfflineLocation { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = await TestWebApp.BuildAsync("adwatch-bag-", "bag.db", null, ct);
        var database = _app.Services.GetRequiredService<Database>();
        var pdokFlag = await LeadSeed.LeadAsync(database, key: "adr:GM0243:STATIONSLAAN:14A", ct: ct);
        var offlineFlag = await LeadSeed.LeadAsync(database, key: "adr:GM0243:STATIONSLAAN:16", label: "Stationslaan 16, 3841 AB Harderwijk", ct: ct);
        await using (var c = await database.OpenAsync(ct))
        {
            PdokLocation = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @pdokFlag", new { pdokFlag });
            OfflineLocation = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @offlineFlag", new { offlineFlag });
            await c.ExecuteAsync("""
                UPDATE places SET bag_nummeraanduiding_id = '0243200000012345', bag_adresseerbaarobject_id = '0243010000012345',
                                  bag_gebruiksdoel = 'woonfunctie', source = 'pdok'
                WHERE id = (SELECT place_id FROM locations WHERE id = @PdokLocation)
                """, new { PdokLocation });
        }
        await _app.Services.GetRequiredService<UserStore>().AddAsync(Analyst, Role.Analyst, PasswordSignIn.Hash(Analyst, Password), TimeProvider.System.GetUtcNow(), "regio", ct);
        await _app.StartAsync(ct);
        BaseUrl = _app.BaseUrl;
    }

    public Task<HttpClient> SignedInAsync() => _app!.SignedInAsync(Analyst, Password);

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
public sealed class BagDossierCollection : ICollectionFixture<BagDossierFixture>
{
    public const string Name = "BagDossier";
}

/// <summary>The location dossier shows the BAG ids (linked to Kadaster's BAG viewer) and gebruiksdoel near the address, in nl and en.</summary>
[Collection(BagDossierCollection.Name)]
public sealed class BagDossierTests(BagDossierFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl", "Gebruiksdoel (BAG)")]
    [InlineData("en", "Use purpose (BAG gebruiksdoel)")]
    public async Task Dossier_ShowsBagIdsAndGebruiksdoel_WhenPdokGaveThem(string culture, string gebruiksdoelTerm)
    {
        using var client = await fixture.SignedInAsync();

        var html = await client.GetStringAsync(Page(fixture.PdokLocation) + "?culture=" + culture, Ct);

        html.ShouldContain($"<html lang=\"{(culture == "en" ? "en-GB" : "nl-NL")}\"");
        html.ShouldContain("""<a class="bag-id" href="https://bagviewer.kadaster.nl/lvbag/bag-viewer/?objectId=0243200000012345" rel="noreferrer" """);
        html.ShouldContain(">BAG nummeraanduiding 0243200000012345</a>");
        html.ShouldContain(">BAG verblijfsobject 0243010000012345</a>");
        html.ShouldContain($"<dt>{WebUtility.HtmlEncode(gebruiksdoelTerm)}</dt><dd>woonfunctie</dd>");
    }

    [Fact]
    public async Task Dossier_ShowsNoBag_ForAnOfflineGeocodedPlace()
    {
        using var client = await fixture.SignedInAsync();

        var html = await client.GetStringAsync(Page(fixture.OfflineLocation), Ct);

        html.ShouldContain("Stationslaan 16");
        html.ShouldNotContain("id=\"bag-ids\"");
        html.ShouldNotContain("id=\"bag-gebruiksdoel\"");
    }

    private static string Page(long location) => $"/locations/{location.ToString(CultureInfo.InvariantCulture)}";
}
