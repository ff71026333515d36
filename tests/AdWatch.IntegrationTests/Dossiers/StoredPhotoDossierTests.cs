using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.IntegrationTests.DemoSites;
using AdWatch.IntegrationTests.Exports;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace AdWatch.IntegrationTests.Dossiers;

/// <summary>Runs alone, like <see cref="DashboardCollection"/>: its app's background jobs are waited for, and need not share the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StoredPhotoCollection
{
    public const string Name = "StoredPhotos";
}

/// <summary>
/// Photos kept as evidence, end to end: the real app crawls the demo site Kontaktbord (<see cref="TestScenario"/>, 1–3 March),
/// extraction keeps a copy of each photo, an analyst views a dossier and its photos and a coordinator downloads its PDF. The
/// site's request log proves that viewing never reaches the ad site, and the photos still show once the ad, and then the whole
/// site, are gone (an endpoint that fetched live would log requests, and then fail with the site down).
/// </summary>
[Collection(StoredPhotoCollection.Name)]
public sealed partial class StoredPhotoDossierTests : IAsyncLifetime
{
    private const string Analyst = "fenna";
    private const string Password = "fenna-wachtwoord-2024";
    private const string Coordinator = "corrie";
    private const string CoordinatorPassword = "corrie-wachtwoord-2024";
    private DemoSiteHost? _sites;
    private TestWebApp? _web;

    private TestWebApp Web => _web ?? throw new InvalidOperationException("not initialised");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sites = await DemoSiteHost.StartAsync(TestScenario.Create(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, Ct);
        _web = await TestWebApp.BuildAsync("adwatch-photos-", "photos.db", null, Ct);
        var catalog = Web.Services.GetRequiredService<SiteCatalog>();
        var site = catalog.Find("kontaktbord").ShouldNotBeNull().WithBaseUrl(_sites.Kontaktbord.BaseUrl.ToString());
        site.Politeness.DelayMs = 0;
        catalog.Put(site);
        await Web.Services.GetRequiredService<UserStore>().AddAsync(Analyst, Role.Analyst, PasswordSignIn.Hash(Analyst, Password),
            TimeProvider.System.GetUtcNow(), "regio", Ct);
        await Web.Services.GetRequiredService<UserStore>().AddAsync(Coordinator, Role.Coordinator,
            PasswordSignIn.Hash(Coordinator, CoordinatorPassword), TimeProvider.System.GetUtcNow(), "regio", Ct);
        await _web.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sites is not null)
        {
            await _sites.DisposeAsync();
        }
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }

    [Fact]
    public async Task Dossier_ShowsKeptPhotos_WithoutContactingTheAdSite_AlsoAfterTheAdIsGone()
    {
        foreach (var day in new[] { 1, 2, 3 })
        {
            await CrawlAsync(day);
        }
        await Web.Services.GetRequiredService<AnalysisRunner>().RunAsync(At(3).AddHours(12), null, Ct);
        var (locationId, adId) = await HouseAsync();
        await FlagAsync(locationId);
        var log = _sites!.Kontaktbord.Requests;
        log.Count(DemoRequestKind.Image).ShouldBe(3, "extraction fetches each photo once: luna-1, luna-2, bella-1");
        (await CountAsync("SELECT COUNT(*) FROM stored_images")).ShouldBe(3); // each once, though luna-1 is in three ads
        (await CountAsync("SELECT COUNT(*) FROM image_hashes WHERE image_sha256 IS NULL")).ShouldBe(0);
        var kept = await KeptPhotosAsync("a1");
        kept.Count.ShouldBe(2); // a1's current version shows luna-1 and luna-2

        using var analyst = await SignedInAsync(Analyst, Password);
        using var coordinator = await SignedInAsync(Coordinator, CoordinatorPassword);
        log.Clear();
        (await ViewAsync(analyst, coordinator, locationId, adId)).ShouldBe(kept);
        log.Snapshot().ShouldBeEmpty("viewing a dossier, its photos and its PDF must not reach the ad site");

        // 10 March: a1 is gone from the site (410) and the crawl marks it so; its photos are still shown from the kept copies.
        await CrawlAsync(10);
        using (var direct = new HttpClient())
        {
            var adUrl = await ScalarAsync<string>("SELECT url FROM ads WHERE external_id = 'a1'");
            (await direct.GetAsync(adUrl, Ct)).IsSuccessStatusCode.ShouldBeFalse();
        }
        (await ScalarAsync<string>("SELECT status FROM ads WHERE external_id = 'a1'")).ShouldNotBe("active");
        log.Clear();
        (await ViewAsync(analyst, coordinator, locationId, adId)).ShouldBe(kept);
        log.Snapshot().ShouldBeEmpty();

        // And with the site itself gone: nothing listens at its address any more.
        var imageUrl = await ScalarAsync<string>("SELECT url FROM image_hashes ORDER BY url LIMIT 1");
        await _sites.DisposeAsync();
        _sites = null;
        using (var direct = new HttpClient())
        {
            await Should.ThrowAsync<HttpRequestException>(() => direct.GetAsync(imageUrl, Ct));
        }
        (await ViewAsync(analyst, coordinator, locationId, adId)).ShouldBe(kept);
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND target_kind = 'image'")).ShouldBe(6);
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target_kind = 'location'")).ShouldBe(3);
    }

    [Fact]
    public async Task Dossier_LoadsOnlyTinyPreviews_AndOnlyTheFullPhotoIsAnAuditedView()
    {
        await CrawlAsync(1);
        await Web.Services.GetRequiredService<AnalysisRunner>().RunAsync(At(1).AddHours(12), null, Ct);
        var (locationId, _) = await HouseAsync();
        using var analyst = await SignedInAsync(Analyst, Password);
        var page = await analyst.GetStringAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}", Ct);
        var previews = PreviewSource().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        previews.ShouldNotBeEmpty();
        var views = await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND target_kind = 'image'");

        foreach (var preview in previews)
        {
            preview.ShouldEndWith("?preview=true");
            using var response = await analyst.GetAsync(preview, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, preview);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            using var image = Image.Load(await response.Content.ReadAsByteArrayAsync(Ct));
            image.Width.ShouldBe(AdWatch.Web.Dossier.AdImageEndpoint.PreviewWidth);
        }
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND target_kind = 'image'")).ShouldBe(views);

        using (var full = await analyst.GetAsync(previews[0].Replace("?preview=true", "", StringComparison.Ordinal), Ct))
        {
            using var image = Image.Load(await full.Content.ReadAsByteArrayAsync(Ct));
            image.Width.ShouldBeGreaterThan(AdWatch.Web.Dossier.AdImageEndpoint.PreviewWidth * 4);
        }
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'view' AND target_kind = 'image'")).ShouldBe(views + 1);
    }

    [Fact]
    public async Task ImageEndpoint_Is404_ForAPhotoThatWasNotKept()
    {
        await CrawlAsync(1);
        var (_, adId) = await HouseAsync();
        await using (var c = await Database.OpenAsync(Ct))
        {
            await c.ExecuteAsync("UPDATE image_hashes SET image_sha256 = NULL, store_problem = 'test: not kept'");
        }
        using var client = await SignedInAsync(Analyst, Password);
        _sites!.Kontaktbord.Requests.Clear();

        (await client.GetAsync($"/ads/{adId}/images/0", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/ads/{adId}/images/7", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _sites.Kontaktbord.Requests.Snapshot().ShouldBeEmpty();
    }

    private Database Database => Web.Services.GetRequiredService<Database>();

    /// <summary>The simulated day of March 2023 at 09:00 Amsterdam (08:00 UTC), when the demo crawls it.</summary>
    private static DateTimeOffset At(int day) => new(2023, 3, day, 8, 0, 0, TimeSpan.Zero);

    private async Task CrawlAsync(int day)
    {
        _sites!.SimulatedDate = TestScenario.Day(day);
        var run = await Web.Services.GetRequiredService<CrawlRunner>().RunAsync("kontaktbord", At(day), "test", Ct);
        run.Status.ShouldBe("completed", run.ToString());
        await Web.Services.GetRequiredService<ExtractionPass>().RunAsync(Ct);
    }

    /// <summary>The location of Stationslaan 14 and the ad a1 placed there.</summary>
    private async Task<(long LocationId, long AdId)> HouseAsync()
    {
        await using var c = await Database.OpenAsync(Ct);
        var adId = await c.ExecuteScalarAsync<long>("SELECT id FROM ads WHERE external_id = 'a1'");
        var locationId = await c.ExecuteScalarAsync<long?>(
            "SELECT l.id FROM locations l JOIN places p ON p.id = l.place_id WHERE p.postcode = '3841AB'") ?? 0;
        return (locationId, adId);
    }

    /// <summary>
    /// Three days of Kontaktbord flag nothing (too short a stay); the flag the analysis would write for a house with more days,
    /// so the dossier has a PDF to ask for. The photos in it do not depend on the flag.
    /// </summary>
    private async Task FlagAsync(long locationId)
    {
        locationId.ShouldBeGreaterThan(0);
        await using var c = await Database.OpenAsync(Ct);
        await c.ExecuteAsync("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of, active,
                               advertiser_count, short_stay_count, phones_json, ads_json)
            VALUES (@locationId, 0.9, 'new', '[]', @at, @at, @at, TRUE, 1, 1, '[]', '[]')
            """, new { locationId, at = At(3).AddHours(12) });
    }

    /// <summary>The SHA-256 of each kept photo of the current version of <paramref name="externalId"/>, in the ad's order.</summary>
    private async Task<List<string>> KeptPhotosAsync(string externalId)
    {
        await using var c = await Database.OpenAsync(Ct);
        var json = await c.ExecuteScalarAsync<string>("""
            SELECT v.image_urls FROM ads a JOIN ad_versions v ON v.id = a.current_version_id WHERE a.external_id = @externalId
            """, new { externalId });
        var urls = System.Text.Json.JsonSerializer.Deserialize<List<string>>(json!)!;
        var kept = new List<string>();
        foreach (var url in urls)
        {
            kept.Add((await c.ExecuteScalarAsync<string>("SELECT image_sha256 FROM image_hashes WHERE url = @url", new { url })).ShouldNotBeNull(url));
        }
        return kept;
    }

    private Task<long> CountAsync(string sql) => ScalarAsync<long>(sql);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var c = await Database.OpenAsync(Ct);
        return (await c.ExecuteScalarAsync<T>(sql))!;
    }

    private Task<HttpClient> SignedInAsync(string user, string password) => Web.SignedInAsync(user, password);

    /// <summary>
    /// Opens the dossier as the analyst, then every photo of <paramref name="adId"/> it shows, and downloads the PDF as the
    /// coordinator; returns the SHA-256 of each photo served, which the PDF must name too.
    /// </summary>
    private static async Task<List<string>> ViewAsync(HttpClient analyst, HttpClient coordinator, long locationId, long adId)
    {
        var page = await analyst.GetStringAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}", Ct);
        var sources = ImageSource().Matches(page).Select(m => m.Groups[1].Value).Where(s => s.StartsWith($"/ads/{adId}/", StringComparison.Ordinal)).ToList();
        var served = new List<string>();
        foreach (var source in sources)
        {
            using var response = await analyst.GetAsync(source, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, source);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            response.Headers.CacheControl!.NoStore.ShouldBeTrue();
            var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
            using var image = Image.Load(bytes);
            image.Metadata.ExifProfile.ShouldBeNull();
            served.Add(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        using var pdf = await coordinator.GetAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}?handler=Pdf", Ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync(Ct));
        foreach (var sha in served)
        {
            text.ShouldContain(sha, customMessage: "the PDF names each kept photo by its SHA-256");
        }
        return served;
    }

    [GeneratedRegex("<img src=\"[^\"]+\" data-full=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<img src=\"([^\"]+)\" data-full=")]
    private static partial Regex PreviewSource();
}
