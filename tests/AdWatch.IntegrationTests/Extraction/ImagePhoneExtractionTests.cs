using System.Net;
using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.Tests.Extraction;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Extraction;

/// <summary>
/// A phone written only in an ad's photo: the extraction pass fetches the photo from a loopback server through the site's
/// fetch rules, OCRs it, stores the number with <c>ad_phones.source = 'image'</c>, caches the reading per URL, and the
/// analysis links the ad to the ad that wrote the same number in its text, as it links text phones.
/// </summary>
public sealed class ImagePhoneExtractionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PhoneInAdImage_IsStoredAsImagePhone_AndLinksTheAdsInAnalysis()
    {
        var phone = PhoneImages.Phones(1)[0]; // a generated 06 number the evaluation reads exactly
        if (PhoneImages.FontsMissing() is { } fonts)
        {
            Assert.Skip(fonts);
        }
        if (TesseractLocator.Find(null) is null)
        {
            Assert.Skip(TesseractLocator.InstallHint + " (.ci/run installs it).");
        }
        var mosaics = PhoneImages.NonPhones(12);
        var (photo, other) = (mosaics[5], mosaics[11]); // photos with no writing (the same photo in two ads would link them)
        other.Name.ShouldStartWith("mosaic");

        var requests = 0;
        using var server = ImageServer(new Dictionary<string, byte[]> { ["/phone.png"] = phone.Png, ["/photo.png"] = photo.Png, ["/other.png"] = other.Png }, () => requests++);
        var baseUrl = server.Prefixes.Single();

        await using var db = new CrawlDatabase();
        await db.InitializeAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = db.Path,
            ["Crawling:CrawlersPath"] = CrawlHarness.CrawlersFolder(),
            ["Crawling:BaseUrlOverrides:kontaktbord"] = baseUrl,
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(db.Time)
            .AddSingleton(db.Database)
            .AddAdWatch(config)
            .BuildServiceProvider();
        var catalog = services.GetRequiredService<AdWatch.Sites.SiteCatalog>();
        var site = catalog.Get("kontaktbord");
        site.Politeness.DelayMs = 0;
        catalog.Put(site);

        var at = db.Time.GetUtcNow();
        long textVersion, imageVersion, photoVersion;
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            var siteId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO sites (name, base_url, fetch_mode, created_at, updated_at) VALUES ('kontaktbord', @baseUrl, 'http', @at, @at) RETURNING id
                """, new { baseUrl, at });
            async Task<long> Ad(string id, string body, string[] images)
            {
                var adId = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @id, @url, @at, @at) RETURNING id
                    """, new { siteId, id, url = baseUrl + "advertentie/" + id, at });
                var versionId = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO ad_versions (ad_id, content_hash, title, body_text, image_urls, first_seen_at) VALUES (@adId, @id, @title, @body, @images, @at) RETURNING id
                    """, new { adId, id, title = "Nieuw " + id, body, images = System.Text.Json.JsonSerializer.Serialize(images), at });
                await c.ExecuteAsync("UPDATE ads SET current_version_id = @versionId WHERE id = @adId", new { versionId, adId });
                await c.ExecuteAsync("INSERT INTO observations (ad_id, version_id, source, observed_at) VALUES (@adId, @versionId, 'crawl', @at)", new { adId, versionId, at });
                return versionId;
            }
            textVersion = await Ad("in-text", $"Lieve dame, nieuw hier. Bel of app {phone.Text}", []);
            imageVersion = await Ad("in-image", "Lieve dame, nieuw hier. Mijn nummer staat op de foto.", [baseUrl + "phone.png", baseUrl + "photo.png"]);
            photoVersion = await Ad("photo-only", "Andere dame, geen nummer.", [baseUrl + "other.png"]);
        }

        var store = services.GetRequiredService<ExtractionStore>();
        (await store.PendingVersionIdsAsync(10, Ct)).Count.ShouldBe(3);
        (await services.GetRequiredService<ExtractionPass>().RunAsync(Ct)).ShouldBe(3);

        var fromImage = (await store.GetAsync(imageVersion, Ct)).Phones.ShouldHaveSingleItem();
        fromImage.E164.ShouldBe(phone.E164);
        fromImage.Source.ShouldBe("image");
        var fromText = (await store.GetAsync(textVersion, Ct)).Phones.ShouldHaveSingleItem();
        fromText.E164.ShouldBe(phone.E164);
        fromText.Source.ShouldBe("text");
        (await store.GetAsync(photoVersion, Ct)).Phones.ShouldBeEmpty();
        var fetched = requests;

        // Extraction again (after a fix, say): the readings come from image_phones, no picture is fetched or OCRed again.
        await store.ResetAllAsync(Ct);
        (await services.GetRequiredService<ExtractionPass>().RunAsync(Ct)).ShouldBe(3);
        (await store.GetAsync(imageVersion, Ct)).Phones.ShouldHaveSingleItem().Source.ShouldBe("image");
        requests.ShouldBe(fetched);

        // Hashed while tesseract was missing: no reading cached, so the next extraction fetches each picture once more for OCR.
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            await c.ExecuteAsync("DELETE FROM image_phones");
        }
        await store.ResetAllAsync(Ct);
        (await services.GetRequiredService<ExtractionPass>().RunAsync(Ct)).ShouldBe(3);
        (await store.GetAsync(imageVersion, Ct)).Phones.ShouldHaveSingleItem().Source.ShouldBe("image");
        requests.ShouldBe(fetched + 3);

        await services.GetRequiredService<AnalysisRunner>().RunAsync(at.AddDays(1), null, Ct);
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            var advertisers = (await c.QueryAsync<long>("""
                SELECT DISTINCT aa.advertiser_id FROM advertiser_ads aa JOIN ads a ON a.id = aa.ad_id WHERE a.external_id IN ('in-text', 'in-image')
                """)).ToList();
            advertisers.ShouldHaveSingleItem("the ad with the number in its photo is the same advertiser as the ad with it in its text");
            (await c.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM advertiser_ads aa JOIN ads a ON a.id = aa.ad_id WHERE a.external_id = 'photo-only' AND aa.advertiser_id = @id
                """, new { id = advertisers[0] })).ShouldBe(0);
        }
    }

    /// <summary>Serves the given paths on a free loopback port (404 for anything else, robots.txt included) until disposed.</summary>
    private static HttpListener ImageServer(Dictionary<string, byte[]> files, Action onImage)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{LoopbackPort.Free()}/");
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var response = context.Response;
                if (files.TryGetValue(context.Request.Url!.AbsolutePath, out var body))
                {
                    onImage();
                    response.ContentType = "image/png";
                    response.ContentLength64 = body.Length;
                    await response.OutputStream.WriteAsync(body);
                }
                else
                {
                    response.StatusCode = 404;
                }
            }
        });
        return listener;
    }
}
