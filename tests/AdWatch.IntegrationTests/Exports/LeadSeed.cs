using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// One synthetic lead written with plain SQL: a flagged address in Harderwijk with two advertisers' stays, three ads
/// (one with captured evidence), phones and a review note. Names, numbers and addresses are invented.
/// </summary>
internal static class LeadSeed
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The (made-up) evidence hash of the lead's first ad.</summary>
    public static string EvidenceShaOf(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>Returns the flag id. <paramref name="label"/> and the review note may carry hostile text.</summary>
    public static async Task<long> LeadAsync(Database db, string key = "pc6:3841AB:14", string label = "Stationslaan 14, 3841 AB Harderwijk",
        string note = "Twee adverteerders in één week", double score = 0.87, CancellationToken ct = default)
    {
        await using var c = await db.OpenAsync(ct);
        var at = At.ToUnixTimeMilliseconds();
        var day = TimeSpan.FromDays(1).Ticks / TimeSpan.TicksPerMillisecond;
        var siteId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('demo', 'http', @at, @at)
            ON CONFLICT (name) DO UPDATE SET updated_at = sites.updated_at RETURNING id
            """, new { at });
        var placeId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO places (key, label, precision, street, house_number, postcode, place_name, municipality_code, in_region, lat, lon, source, geocoded_at)
            VALUES (@key, @label, 'address', 'Stationslaan', '14a', '3841AB', 'Harderwijk', 'GM0243', TRUE, 52.349, 5.622, 'gazetteer', @at) RETURNING id
            """, new { key, label, at });
        var locationId = await c.ExecuteScalarAsync<long>(
            "INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@placeId, @at, @at) RETURNING id", new { placeId, at });
        var evidenceId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO evidence_blobs (sha256, url, captured_at, length, content) VALUES (@sha, 'https://demo.test/ad/a1', @at, 3, @content) RETURNING id
            """, new { sha = EvidenceShaOf(key), at, content = new byte[] { 1, 2, 3 } });
        var advertisers = new List<long>();
        for (var i = 1; i <= 3; i++)
        {
            var adId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @ext, @url, @from, @to) RETURNING id
                """, new { siteId, ext = $"{key}-a{i}", url = $"https://demo.test/ad/{key}/a{i}", from = at + i * day, to = at + (i + 2) * day });
            var versionId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO ad_versions (ad_id, content_hash, title, first_seen_at, evidence_id) VALUES (@adId, 'h', 'Nieuw', @from, @evidence) RETURNING id
                """, new { adId, from = at + i * day, evidence = i == 1 ? evidenceId : (long?)null });
            await c.ExecuteAsync("INSERT INTO ad_places (version_id, place_id, raw) VALUES (@versionId, @placeId, 'Stationslaan 14a')", new { versionId, placeId });
            var phoneId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO phones (e164) VALUES (@e164) ON CONFLICT (e164) DO UPDATE SET e164 = excluded.e164 RETURNING id
                """, new { e164 = $"+3161234500{i}" });
            await c.ExecuteAsync("INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, 'x', FALSE)", new { versionId, phoneId });
            if (i <= 2)
            {
                var advertiserId = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO advertisers (key, label, first_seen_at, last_seen_at) VALUES (@k, @l, @at, @at) RETURNING id
                    """, new { k = $"{key}-adv{i}", l = $"Adverteerder {i}", at });
                advertisers.Add(advertiserId);
                await c.ExecuteAsync("""
                    INSERT INTO stays (location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence)
                    VALUES (@locationId, @advertiserId, @from, @to, 1, 'address', 1.0)
                    """, new { locationId, advertiserId, from = at + i * day, to = at + (i + 2) * day });
            }
        }
        const string reasons = """[{"code":"rotation","text":"Wisselende adverteerders","textEn":"Rotating advertisers","evidence":{"ads":[],"dates":[],"phones":[]}}]""";
        var flagId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of)
            VALUES (@locationId, @score, 'inspection_proposed', @reasons, @at, @at, @at) RETURNING id
            """, new { locationId, score, reasons, at });
        await c.ExecuteAsync("""
            INSERT INTO reviews (flag_id, actor, from_status, to_status, note, at) VALUES (@flagId, 'coco', 'in_review', 'inspection_proposed', @note, @at)
            """, new { flagId, note, at });
        return flagId;
    }
}
