using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AdWatch.Browser;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Lantaarn;
using AdWatch.DemoSites.Scenario;
using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// crawlers/lantaarn.yaml through headless Chromium against the Lantaarn demo site: consent modals that come and go, the
/// "Meer laden" list, "Toon nummer" answered after 300–800 ms as text or as a PNG, the reveal XHR captured as evidence,
/// labelled fields, extras and the id read from an inline script.
/// </summary>
[Trait("Category", "Browser")]
[Collection(nameof(ProcessTreeCollection))]
public sealed class LantaarnBrowserCrawlTests
{
    private static readonly DemoScenario Scenario = LantaarnScenario.Create();

    [Fact]
    public async Task RunAsync_CollectsEveryPhone_TextRevealedOrImage_WithLabelsExtrasAndBadge()
    {
        SkipWithoutChromium();
        await using var h = await StartAsync(revealDelay: true);
        h.Host.SimulatedDate = LantaarnScenario.Day(2);

        var run = await h.Runner.RunAsync(h.Site("lantaarn"), CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        run.Status.ShouldBe("completed", run.HealthNote);
        run.Stats!.AdsNew.ShouldBe(LantaarnScenario.AdCount); // every ad, reached through two "Meer laden" rounds
        var rows = await VersionsAsync(h);
        rows.Keys.Order(StringComparer.Ordinal).ShouldBe(Scenario.Ads.Select(a => a.Id).Order(StringComparer.Ordinal)); // ids from the inline script
        foreach (var ad in Scenario.Ads)
        {
            var v = ad.VersionOn(LantaarnScenario.Day(2));
            var row = rows[ad.Id];
            row.Title.ShouldBe(v.Title);
            row.Location.ShouldBe(v.City, ad.Id); // label:Plaats; absent when the ad names no town
            var extras = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Extras ?? "{}")!;
            extras["age"].ShouldBe(LantaarnFacts.Age(ad.Id).ToString(System.Globalization.CultureInfo.InvariantCulture));
            extras["area"].ShouldBe(LantaarnFacts.Area(ad.Id, v.City));
            extras["hours"].ShouldBe(LantaarnFacts.ContactHours(ad.Id));
            extras.GetValueOrDefault("verified").ShouldBe(LantaarnFacts.Verified(ad.Id) ? "Geverifieerd" : null, ad.Id);
            var images = JsonSerializer.Deserialize<List<string>>(row.Images ?? "[]")!;
            images.ShouldContain(h.Host.Lantaarn.Url($"img/{v.ImageIds[0]}.png").AbsoluteUri);
            var phonePng = h.Host.Lantaarn.Url($"api/ads/{ad.Id}/phone.png").AbsoluteUri;
            if (LantaarnFacts.PhoneAsImage(ad.Id))
            {
                // The number exists only as an image: it is linked with the ad's images (kept and hashed with them) and the
                // captured reveal answer naming it is in the stored page.
                // Extraction reads the number from that image (OCR, source 'image'): asserted on the demo in DemoTests.
                row.Phone.ShouldBeNull(ad.Id);
                images.ShouldContain(phonePng);
                row.Evidence.ShouldContain($"{{&quot;image&quot;:&quot;/api/ads/{ad.Id}/phone.png&quot;}}");
            }
            else
            {
                // From the captured XHR and, the same number, from the revealed text on the page.
                var shown = LantaarnFacts.RevealedPhone(v)!;
                row.Phone.ShouldBe($"{shown}\n{shown}", ad.Id);
                images.ShouldNotContain(phonePng);
                row.Evidence.ShouldContain("data-adwatch-capture=\"reveal\"");
            }
        }
        h.Host.Lantaarn.Requests.Count(DemoRequestKind.Reveal).ShouldBe(LantaarnScenario.AdCount);
        h.Host.Lantaarn.Requests.Count(DemoRequestKind.ApiListing).ShouldBe(3);
        h.Host.Lantaarn.Requests.Count(DemoRequestKind.Private).ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_ReadsTheSameAds_WhetherConsentModalsAppearOrNot()
    {
        SkipWithoutChromium();
        await using var h = await StartAsync(revealDelay: false);
        var site = h.Site("lantaarn");
        site.Listing.ReverifyDays = 0; // every ad page is rendered on both runs: this test is about the modals, not the revisit rule

        // First visit: this session is shown no modal, so nothing is answered.
        h.Host.Lantaarn.Faults = new DemoFaults { ConsentModals = DemoConsentModals.Never };
        h.Host.SimulatedDate = LantaarnScenario.Day(1);
        var hidden = await h.Runner.RunAsync(site, CrawlHarness.Morning(1), "test", CrawlHarness.Ct);
        var unanswered = CookiesSent(h);
        h.Host.Lantaarn.Requests.Clear();

        // Next run, same browser session: now both modals appear (the age gate, then the cookie wall) and must be answered.
        h.Host.Lantaarn.Faults = new DemoFaults { ConsentModals = DemoConsentModals.Always };
        h.Host.SimulatedDate = LantaarnScenario.Day(2);
        var shown = await h.Runner.RunAsync(site, CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        hidden.Status.ShouldBe("completed", hidden.HealthNote);
        hidden.Stats!.AdsNew.ShouldBe(LantaarnScenario.AdCount);
        unanswered.ShouldNotContain("lt_18=");
        unanswered.ShouldNotContain("lt_cookies=");
        shown.Status.ShouldBe("completed", shown.HealthNote);
        shown.Stats!.AdsSeen.ShouldBe(LantaarnScenario.AdCount);
        shown.Stats.AdsNew.ShouldBe(0);
        shown.Stats.AdsChanged.ShouldBe(0); // the page behind the modals reads to the same fields
        var answered = CookiesSent(h);
        answered.ShouldContain("lt_18=ja");         // the age gate was answered …
        answered.ShouldContain("lt_cookies=alles"); // … and then the cookie wall
        h.Host.Lantaarn.Requests.Count(DemoRequestKind.Reveal).ShouldBe(LantaarnScenario.AdCount);
    }

    [Fact]
    public async Task RunAsync_StopsLoadingMore_AtTheRoundCap()
    {
        SkipWithoutChromium();
        await using var h = await StartAsync(revealDelay: false);
        var site = h.Site("lantaarn");
        site.Listing.LoadMore!.MaxRounds = 1;
        h.Host.SimulatedDate = LantaarnScenario.Day(2);

        var run = await h.Runner.RunAsync(site, CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        run.Stats!.AdsSeen.ShouldBe(2 * LantaarnScenario.PageSize); // the first round and one more
        h.Host.Lantaarn.Requests.Count(DemoRequestKind.ApiListing).ShouldBe(2);
        var first = Scenario.Listing(DemoSiteKind.Lantaarn, LantaarnScenario.Day(2)).Take(2 * LantaarnScenario.PageSize).Select(a => a.Id);
        (await VersionsAsync(h)).Keys.Order(StringComparer.Ordinal).ShouldBe(first.Order(StringComparer.Ordinal)); // in bump order
    }

    internal static Task<CrawlHarness> StartAsync(bool revealDelay) => CrawlHarness.StartAsync(scenario: Scenario,
        hostOptions: new DemoSiteHostOptions { LantaarnPageSize = LantaarnScenario.PageSize, LantaarnRevealDelay = revealDelay });

    private static void SkipWithoutChromium()
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip($"needs Chromium at {BrowserLocator.DebianChromium} (apt-get install chromium); .ci/run installs it.");
        }
    }

    private static string CookiesSent(CrawlHarness h) => string.Join("; ", h.Host.Lantaarn.Requests.Snapshot()
        .Select(r => r.Headers.GetValueOrDefault("Cookie")).OfType<string>());

    internal sealed record VersionRow(string? Title, string? Location, string? Phone, string? Images, string? Extras, string Evidence);

    /// <summary>The current version of every Lantaarn ad with its stored page (decompressed), by external id.</summary>
    internal static async Task<Dictionary<string, VersionRow>> VersionsAsync(CrawlHarness h)
    {
        await using var c = new SqliteConnection($"Data Source={h.Db.Path};Pooling=False");
        await c.OpenAsync(CrawlHarness.Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT a.external_id, v.title, v.location_text, v.phone_text, v.image_urls, v.extras, e.content, e.compression
            FROM ads a JOIN sites s ON s.id = a.site_id JOIN ad_versions v ON v.id = a.current_version_id
            JOIN evidence_blobs e ON e.id = v.evidence_id
            """;
        await using var reader = await cmd.ExecuteReaderAsync(CrawlHarness.Ct);
        var rows = new Dictionary<string, VersionRow>(StringComparer.Ordinal);
        while (await reader.ReadAsync(CrawlHarness.Ct))
        {
            var content = (byte[])reader["content"];
            if (reader.GetString(7) == "gzip")
            {
                await using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                await gzip.CopyToAsync(plain, CrawlHarness.Ct);
                content = plain.ToArray();
            }
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows[reader.GetString(0)] = new VersionRow(Text(1), Text(2), Text(3), Text(4), Text(5), Encoding.UTF8.GetString(content));
        }
        return rows;
    }
}
