using AdWatch.Evidence;
using AdWatch.Analysis;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Synthetic hostile content in every stored field the analyst pages show: ad title, body, advertiser name, place text,
/// URL, image URLs, stored HTML, phone spelling, place and advertiser labels, reasons, review note, assignment, export,
/// crawl error message, URL, health note and snapshot. Each payload would set <c>window.__pwned</c>, change the title,
/// restyle the page or add an element carrying <c>data-pwned</c> if it were ever rendered as markup.
/// A fourth ad has a title reversed by a bidi control (<see cref="BidiTitle"/>) and a 1 MB body.
/// </summary>
internal static class HostileSeed
{
    public const string Phone = "+31612398765";

    /// <summary>One payload per field, tagged with the field's name so a failure says which field leaked.</summary>
    public static string Payload(string field) =>
        $"{field}<script>window.__pwned='{field}';document.title='pwned'</script><img src=x data-pwned onerror=\"window.__pwned='{field}'\">" +
        $"<a data-pwned href=\"javascript:window.__pwned='{field}'\">klik</a><style>body{{display:none}}</style></textarea></title>" +
        $"\" onmouseover=\"window.__pwned='{field}'\" data-pwned=\"<svg data-pwned onload=alert('{field}')><b data-pwned>{field}<div <p";

    /// <summary>An ad title that reads "exe.png" when its U+202E (right-to-left override) is rendered raw.</summary>
    public const string BidiTitle = "\u202Egnp.exe";

    /// <summary>The length of the huge ad body: 1 MB of plain text, a marker at its end.</summary>
    public const int HugeBodyLength = 1024 * 1024;

    /// <summary>Text at the very end of the huge body: a page that shows it rendered the whole megabyte.</summary>
    public const string HugeBodyEnd = "EINDE-VAN-DE-ENORME-TEKST";

    public sealed record Ids(long LocationId, long FlagId, long SiteId, long EvidenceId);

    public static async Task<Ids> SeedAsync(Database db, CancellationToken ct)
    {
        var at = new DateTimeOffset(2023, 8, 1, 10, 0, 0, TimeSpan.Zero);
        var html = "<html><head><title>" + Payload("html-title") + "</title><script>window.__pwned='evidence'</script></head><body>" + Payload("html-body") +
                   "<iframe src=\"javascript:alert(1)\"></iframe></body></html>";
        var evidenceId = await new EvidenceStore(db).SaveAsync(System.Text.Encoding.UTF8.GetBytes(html), Payload("evidence-url"), "text/html", 200, at, ct);
        await using var c = await db.OpenAsync(ct);
        long Ms(int day) => at.AddDays(day).ToUnixTimeMilliseconds();
        var siteId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO sites (name, base_url, fetch_mode, created_at, updated_at) VALUES (@name, @url, 'http', @t, @t) RETURNING id
            """, new { name = Payload("site-name"), url = Payload("site-url"), t = Ms(0) });
        async Task<long> Place(string key, string code, string? placeName, double lat, double lon) => await c.ExecuteScalarAsync<long>("""
            INSERT INTO places (key, label, precision, street, house_number, postcode, place_name, municipality_code, in_region, lat, lon, source, geocoded_at)
            VALUES (@key, @label, 'address', @street, '1', '3841XS', @placeName, @code, @inRegion, @lat, @lon, 'gazetteer', @t) RETURNING id
            """, new { key, label = Payload("place-label-" + key), street = Payload("street"), placeName, code, inRegion = code is "GM0243" or "GM0233", lat, lon, t = Ms(0) });
        var house = await Place("xss:house", "GM0243", Payload("place-name"), 52.345, 5.61);
        var ermelo = await Place("xss:ermelo", "GM0233", "Ermelo", 52.30, 5.62);
        var zwolle = await Place("xss:zwolle", "GM0193", "Zwolle", 52.51, 6.09);
        var phoneId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO phones (e164, region_code, status, status_note, status_by, status_at) VALUES (@Phone, 'NL', 'ok', @note, @by, @t) RETURNING id
            """, new { Phone, note = Payload("phone-note"), by = Payload("phone-by"), t = Ms(0) });
        var operatorId = await c.ExecuteScalarAsync<long>("INSERT INTO operators (phone_id, created_at) VALUES (@phoneId, @t) RETURNING id", new { phoneId, t = Ms(0) });
        var advertiserId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO advertisers (key, label, operator_id, first_seen_at, last_seen_at, identity_json)
            VALUES ('xss:adv', @label, @operatorId, @a, @b, @identity) RETURNING id
            """, new
        {
            label = Payload("advertiser-label"), operatorId, a = Ms(0), b = Ms(20),
            // An identity decision quotes what the ads wrote (a name, a site's wording): hostile too.
            identity = FlagReasonJson.Serialize([new FlagReason("boilerplate-name", Payload("identity-nl"), Payload("identity-en"),
                new ReasonEvidence([], [], [Payload("identity-phone")]))]),
        });
        var ads = new List<long>();
        foreach (var (i, place, day) in new[] { (1, house, 0), (2, ermelo, 8), (3, zwolle, 16) })
        {
            var adId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @ext, @url, @a, @b) RETURNING id
                """, new { siteId, ext = "xss-" + i, url = "javascript:window.__pwned='url'//" + Payload("ad-url"), a = Ms(day), b = Ms(day + 3) });
            var versionId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO ad_versions (ad_id, content_hash, title, body_text, location_text, phone_text, image_urls, first_seen_at, evidence_id, extracted_at, advertiser_name)
                VALUES (@adId, @hash, @title, @body, @loc, @phone, @images, @a, @evidenceId, @a, @name) RETURNING id
                """, new
            {
                adId, hash = "xss" + i, title = Payload("ad-title"), body = Payload("ad-body"), loc = Payload("ad-place-text"), phone = Payload("ad-phone-text"),
                images = "[\"javascript:window.__pwned='image'\",\"" + "http://127.0.0.1:9/x.png\\\"><b data-pwned>img\"]", a = Ms(day), evidenceId, name = Payload("advertiser-name"),
            });
            await c.ExecuteAsync("UPDATE ads SET current_version_id = @versionId WHERE id = @adId", new { versionId, adId });
            await c.ExecuteAsync("INSERT INTO observations (ad_id, version_id, source, observed_at) VALUES (@adId, @versionId, 'crawl', @a)", new { adId, versionId, a = Ms(day) });
            await c.ExecuteAsync("INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, @raw, TRUE)",
                new { versionId, phoneId, raw = Payload("phone-raw") });
            await c.ExecuteAsync("INSERT INTO ad_places (version_id, place_id, raw) VALUES (@versionId, @place, @raw)", new { versionId, place, raw = Payload("place-raw") });
            await c.ExecuteAsync("INSERT INTO advertiser_ads (advertiser_id, ad_id, link_kind, confidence) VALUES (@advertiserId, @adId, 'phone', 1.0)", new { advertiserId, adId });
            ads.Add(adId);
        }
        // A fourth ad with a title reversed by U+202E (shows as "exe.png" if rendered raw) and a 1 MB body (stalled the browser).
        var bidiAdId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, 'xss-bidi', @url, @a, @a) RETURNING id
            """, new { siteId, url = "http://127.0.0.1:9/" + BidiTitle, a = Ms(1) });
        var bidiVersionId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ad_versions (ad_id, content_hash, title, body_text, first_seen_at, evidence_id, extracted_at, advertiser_name)
            VALUES (@bidiAdId, 'xss-bidi', @title, @body, @a, @evidenceId, @a, @name) RETURNING id
            """, new { bidiAdId, title = BidiTitle, body = HugeBody(), a = Ms(1), evidenceId, name = "Lisa\u2067\u202Eanirak\u2069" });
        await c.ExecuteAsync("UPDATE ads SET current_version_id = @bidiVersionId WHERE id = @bidiAdId", new { bidiVersionId, bidiAdId });
        await c.ExecuteAsync("INSERT INTO observations (ad_id, version_id, source, observed_at) VALUES (@bidiAdId, @bidiVersionId, 'crawl', @a)", new { bidiAdId, bidiVersionId, a = Ms(1) });
        await c.ExecuteAsync("INSERT INTO advertiser_ads (advertiser_id, ad_id, link_kind, confidence) VALUES (@advertiserId, @bidiAdId, 'phone', 1.0)", new { advertiserId, bidiAdId });
        ads.Add(bidiAdId);
        // A kept copy of the first hostile image URL, so the dossier shows an image button to click (it shows only kept photos).
        var photo = KeptPhoto();
        var photoSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo));
        await c.ExecuteAsync("""
            INSERT INTO stored_images (sha256, content_type, width, height, byte_size, stored_at, content)
            VALUES (@photoSha, 'image/jpeg', 8, 8, @size, @a, @photo)
            """, new { photoSha, size = (long)photo.Length, a = Ms(0), photo });
        await c.ExecuteAsync("INSERT INTO image_hashes (url, phash, fetched_at, image_sha256) VALUES (@url, 7, @a, @photoSha)",
            new { url = "javascript:window.__pwned='image'", a = Ms(0), photoSha });
        var locationId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO locations (place_id, licensed_venue, first_seen_at, last_seen_at) VALUES (@house, NULL, @a, @b) RETURNING id
            """, new { house, a = Ms(0), b = Ms(3) });
        await c.ExecuteAsync("""
            INSERT INTO stays (location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence) VALUES (@locationId, @advertiserId, @a, @b, 1, 'address', 1.0)
            """, new { locationId, advertiserId, a = Ms(0), b = Ms(3) });
        // The analysis' touring entry for this advertiser (three towns, one with a hostile name), as AnalysisWriter stores it.
        await c.ExecuteAsync("INSERT INTO touring (advertiser_id, phones_json, places_json) VALUES (@advertiserId, '[]', @places)",
            new { advertiserId, places = System.Text.Json.JsonSerializer.Serialize(new[] { Payload("place-name"), "Ermelo", "Zwolle" }) });
        var reasons = FlagReasonJson.Serialize([new FlagReason("rotation", Payload("reason-nl"), Payload("reason-en"),
            new ReasonEvidence(ads, [Payload("reason-date")], [Payload("reason-phone")]))]);
        var flagId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of, assigned_to)
            VALUES (@locationId, 0.99, 'in_review', @reasons, @a, @a, @a, @assigned) RETURNING id
            """, new { locationId, reasons, a = Ms(4), assigned = Payload("assigned-to") });
        await c.ExecuteAsync("""
            INSERT INTO reviews (flag_id, actor, from_status, to_status, note, assigned_to, at) VALUES (@flagId, @actor, 'new', 'in_review', @note, @assigned, @a)
            """, new { flagId, actor = Payload("review-actor"), note = Payload("review-note"), assigned = Payload("review-assigned"), a = Ms(5) });
        await c.ExecuteAsync("""
            INSERT INTO exports (flag_id, kind, status, requested_by, outbox_json, created_at) VALUES (@flagId, @kind, 'done', @by, '{}', @a)
            """, new { flagId, kind = Payload("export-kind"), by = Payload("export-by"), a = Ms(6) });
        var runId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO crawl_runs (site_id, trigger, status, observed_at, started_at, finished_at, stats_json, health_note)
            VALUES (@siteId, @trigger, 'suspect', @a, @a, @a, '{"adsNew":3,"requests":4}', @note) RETURNING id
            """, new { siteId, trigger = Payload("run-trigger"), a = Ms(0), note = Payload("health-note") });
        await c.ExecuteAsync("""
            INSERT INTO crawl_requests (run_id, url, kind, status, error_kind, error_message, fetched_at) VALUES (@runId, @url, 'ad', 'failed', @kind, @message, @a)
            """, new { runId, url = Payload("request-url"), kind = Payload("error-kind"), message = Payload("error-message"), a = Ms(0) });
        await c.ExecuteAsync("""
            INSERT INTO crawl_error_snapshots (run_id, error_kind, url, evidence_id, message, captured_at) VALUES (@runId, @kind, @url, @evidenceId, @message, @a)
            """, new { runId, kind = Payload("error-kind"), url = Payload("snapshot-url"), evidenceId, message = Payload("snapshot-message"), a = Ms(0) });
        return new Ids(locationId, flagId, siteId, evidenceId);
    }

    private static string HugeBody() =>
        string.Concat(Enumerable.Repeat("Lange tekst zonder einde. ", HugeBodyLength / 26 + 1))[..(HugeBodyLength - HugeBodyEnd.Length)] + HugeBodyEnd;

    private static byte[] KeptPhoto()
    {
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(8, 8);
        using var bytes = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, bytes);
        return bytes.ToArray();
    }
}
