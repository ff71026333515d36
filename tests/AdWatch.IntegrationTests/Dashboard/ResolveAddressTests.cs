using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real app on a temp SQLite file holding one unresolved location (<see cref="UnresolvedSeed"/>) and one ad at the address the
/// analyst will record, analysed once; an analyst account. The app's own Hangfire server runs the re-analysis the action enqueues.
/// </summary>
public sealed class ResolveAddressFixture : IAsyncLifetime
{
    public const string Analyst = "ria";
    public const string Password = "ria-wachtwoord-2024";
    private TestWebApp? _app;

    public IServiceProvider Services => _app!.Services;
    public Database Database => Services.GetRequiredService<Database>();
    public string BaseUrl { get; private set; } = "";
    public long[] UnresolvedAds { get; private set; } = [];
    public long HouseAd { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = await TestWebApp.BuildAsync("adwatch-resolve-", "resolve.db", null, ct);
        UnresolvedAds = await UnresolvedSeed.TownOnlyRotationAsync(Database, ct);
        HouseAd = await new AnalysisSeed(Database).AdAsync("house-vera", "Vera", "Vera, Stationslaan 14", ["+31644444444"], AnalysisSeed.House, null, 2, 2, ct);
        await _app.Services.GetRequiredService<AnalysisRunner>().RunAsync(UnresolvedSeed.AsOf, null, ct);
        await _app.Services.GetRequiredService<UserStore>().AddAsync(Analyst, Role.Analyst, PasswordSignIn.Hash(Analyst, Password), TimeProvider.System.GetUtcNow(), "regio", ct);
        await _app.StartAsync(ct);
        BaseUrl = _app.BaseUrl;
    }

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = new Uri(BaseUrl),
    };

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
public sealed class ResolveAddressCollection : ICollectionFixture<ResolveAddressFixture>
{
    public const string Name = "ResolveAddress";
}

/// <summary>
/// The dossier action "Adres vastleggen" on an unresolved location, through the dashboard: refused without the right, refused
/// with one clear message for bad input (nothing written either way), and, for an analyst, recorded, audited, re-analysed in the
/// background, after which the unresolved location's evidence lies at the address's location.
/// </summary>
[Collection(ResolveAddressCollection.Name)]
public sealed partial class ResolveAddressTests(ResolveAddressFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly KeyValuePair<string, string>[] Address =
        [new("StreetName", "Stationslaan"), new("HouseNumber", "14"), new("Postcode", "3841 AB"), new("Town", "Harderwijk")];

    [Fact]
    public async Task A_Anonymous_IsRefused_AndNothingIsWritten()
    {
        var (location, _) = await UnresolvedSeed.FlaggedAsync(fixture.Database, Ct);
        var before = await WrittenAsync();
        using var analyst = await SignedInAsync();
        var token = FormPost.Token(await analyst.GetStringAsync(Page(location), Ct))!;
        using var anonymous = fixture.NewClient();

        var response = await anonymous.PostAsync(Page(location) + "?handler=Resolve",
            new FormUrlEncodedContent([.. Address, new("__RequestVerificationToken", token)]), Ct);

        // Without a session the post never reaches the action (a token from another session is refused, else sign-in is asked for).
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
        }
        (await WrittenAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Stationslaan", "14", "ABCD", "Harderwijk", "Vul straat, huisnummer en een postcode (1234 AB) of plaats in.")]
    [InlineData("Stationslaan", "veertien", "", "Harderwijk", "Vul straat, huisnummer en een postcode (1234 AB) of plaats in.")]
    [InlineData("Damrak", "1", "1012 LG", "Amsterdam", "Dit adres is niet gevonden; controleer straat, huisnummer en postcode of plaats.")]
    [InlineData("Stationsplein", "1", "8071 AA", "Nunspeet", "Dit adres ligt buiten de regio; leg alleen een adres in de regio vast.")]
    public async Task B_BadInput_GivesOneClearMessage_AndWritesNothing(string street, string number, string postcode, string town, string message)
    {
        var (location, _) = await UnresolvedSeed.FlaggedAsync(fixture.Database, Ct);
        var before = await WrittenAsync();
        using var client = await SignedInAsync();

        var response = await FormPost.SubmitAsync(client, Page(location),
            [new("StreetName", street), new("HouseNumber", number), new("Postcode", postcode), new("Town", town)], Page(location) + "?handler=Resolve");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var errors = ErrorPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        errors.ShouldBe([message]);
        (await WrittenAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task C_Analyst_RecordsTheAddress_AuditedAndReanalysed_AndTheEvidenceJoinsTheAddress()
    {
        var (location, flag) = await UnresolvedSeed.FlaggedAsync(fixture.Database, Ct);
        int runsBefore;
        await using (var c = await fixture.Database.OpenAsync(Ct))
        {
            runsBefore = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM analysis_runs");
        }
        using var client = await SignedInAsync();

        var response = await FormPost.SubmitAsync(client, Page(location), Address, Page(location) + "?handler=Resolve");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location!.OriginalString.ShouldBe($"/locations/{location}?recorded=1#identity");
        await using var db = await fixture.Database.OpenAsync(Ct);
        var row = await db.QuerySingleAsync<(long Unresolved, long PlaceId, string By, string Key)>("""
            SELECT r.unresolved_place_id, r.place_id, r.recorded_by, p.key FROM location_resolutions r JOIN places p ON p.id = r.place_id
            """);
        row.Unresolved.ShouldBe(await db.ExecuteScalarAsync<long>("SELECT place_id FROM locations WHERE id = @location", new { location }));
        row.By.ShouldBe(ResolveAddressFixture.Analyst);
        row.Key.ShouldBe(AnalysisSeed.House.Place.Key); // the same place the ad naming that address has
        var audit = (await db.QueryAsync<(string Actor, string Action, string Kind, string Target, string Detail)>("""
            SELECT actor, action, target_kind, target_id, detail FROM audit_log WHERE action = 'change' AND target_kind = 'location'
            """)).ShouldHaveSingleItem();
        (audit.Actor, audit.Target).ShouldBe((ResolveAddressFixture.Analyst, location.ToString(CultureInfo.InvariantCulture)));
        audit.Detail.ShouldContain("address recorded: Stationslaan 14, 3841 AB Harderwijk");
        audit.Detail.ShouldContain(AnalysisSeed.House.Place.Key);

        // The action only enqueued the re-analysis; the app's job server runs it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM analysis_runs") == runsBefore)
        {
            waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the re-analysis did not run within 60 s");
            await Task.Delay(200, Ct);
        }
        var house = await db.ExecuteScalarAsync<long>("SELECT id FROM locations WHERE place_id = @PlaceId", new { row.PlaceId });
        var joined = (await db.QueryAsync<long>("""
            SELECT DISTINCT aa.ad_id FROM stays s JOIN advertiser_ads aa ON aa.advertiser_id = s.advertiser_id
            WHERE s.location_id = @house AND s.link_kind = 'resolution'
            """, new { house })).ToList();
        joined.ShouldBe(fixture.UnresolvedAds, ignoreOrder: true);
        var adsJson = await db.ExecuteScalarAsync<string>("SELECT ads_json FROM flags WHERE location_id = @house AND active = TRUE", new { house });
        System.Text.Json.JsonSerializer.Deserialize<long[]>(adsJson!)!.ShouldBe([.. fixture.UnresolvedAds, fixture.HouseAd], ignoreOrder: true);
        var old = await db.QuerySingleAsync<(bool Active, long? Into)>("SELECT active, merged_into_flag_id FROM flags WHERE id = @flag", new { flag });
        old.Active.ShouldBeFalse();
        old.Into.ShouldBe(await db.ExecuteScalarAsync<long>("SELECT id FROM flags WHERE location_id = @house", new { house }));

        // The dossier of the unresolved location now points to the address's location.
        var page = await client.GetStringAsync(Page(location), Ct);
        page.ShouldContain("id=\"merged-note\"");
        page.ShouldContain($"href=\"/locations/{house}\"");
    }

    private static string Page(long location) => $"/locations/{location.ToString(CultureInfo.InvariantCulture)}";

    private async Task<HttpClient> SignedInAsync()
    {
        var client = fixture.NewClient();
        var response = await FormPost.SignInAsync(client, ResolveAddressFixture.Analyst, ResolveAddressFixture.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }

    /// <summary>What recording an address writes: resolutions, their audit entries, places stored for them.</summary>
    private async Task<(int Resolutions, int Audit, int Places)> WrittenAsync()
    {
        await using var db = await fixture.Database.OpenAsync(Ct);
        return (await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM location_resolutions"),
            await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'change' AND target_kind = 'location'"),
            await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM places WHERE source = 'analyst'"));
    }

    [GeneratedRegex("<p class=\"alert alert-error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorPattern();
}
