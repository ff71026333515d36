using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Analysis;

/// <summary>Writes synthetic crawl and extraction rows with plain SQL: one site, ads observed daily, phones, places, photo hashes.</summary>
internal sealed class AnalysisSeed(Database db)
{
    public static readonly DateTimeOffset Day0 = new(2023, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly GeocodedAddress House = new("Stationslaan 14, 3841 AB Harderwijk", new Place(GeoPrecision.Address, "Stationslaan", "14", "3841AB", "Harderwijk", "GM0243", true, 52.349, 5.622));

    public static readonly GeocodedAddress Town = new("Harderwijk", new Place(GeoPrecision.Place, null, null, null, "Harderwijk", "GM0243", true, 52.34, 5.62));

    public async Task<long> AdAsync(string externalId, string title, string body, string[] phones, GeocodedAddress? place, ulong? image,
        int fromDay, int days, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var at = Day0.AddDays(fromDay).ToUnixTimeMilliseconds();
        var siteId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('demo', 'http', @at, @at)
            ON CONFLICT (name) DO UPDATE SET updated_at = sites.updated_at RETURNING id
            """, new { at });
        var adId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @externalId, @url, @at, @at) RETURNING id
            """, new { siteId, externalId, url = $"https://demo.test/ad/{externalId}", at });
        var versionId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ad_versions (ad_id, content_hash, title, body_text, first_seen_at, extracted_at)
            VALUES (@adId, @externalId, @title, @body, @at, @at) RETURNING id
            """, new { adId, externalId, title, body, at });
        foreach (var e164 in phones)
        {
            var phoneId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO phones (e164) VALUES (@e164) ON CONFLICT (e164) DO UPDATE SET e164 = excluded.e164 RETURNING id
                """, new { e164 });
            await c.ExecuteAsync("INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, @e164, FALSE)",
                new { versionId, phoneId, e164 });
        }
        if (place is not null)
        {
            var placeId = await PlaceStore.UpsertAsync(c, null, place, "gazetteer", Day0, ct);
            await c.ExecuteAsync("INSERT INTO ad_places (version_id, place_id, raw) VALUES (@versionId, @placeId, @Raw)",
                new { versionId, placeId, place.Raw });
        }
        if (image is { } hash)
        {
            await c.ExecuteAsync("INSERT INTO ad_images (version_id, url, phash) VALUES (@versionId, 'https://demo.test/1.jpg', @phash)",
                new { versionId, phash = unchecked((long)hash) });
        }
        await ObserveAsync(adId, fromDay, days, ct);
        return adId;
    }

    /// <summary>Observations of the ad's first version once a day (at 09:00 and 21:00, so days are deduplicated) for the given days.</summary>
    public async Task ObserveAsync(long adId, int fromDay, int days, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var versionId = await c.ExecuteScalarAsync<long>("SELECT MIN(id) FROM ad_versions WHERE ad_id = @adId", new { adId });
        var rows = Enumerable.Range(fromDay, days).SelectMany(d => new[] { Day0.AddDays(d), Day0.AddDays(d).AddHours(12) })
            .Select(t => new { adId, versionId, at = t.ToUnixTimeMilliseconds() });
        await c.ExecuteAsync("""
            INSERT INTO observations (ad_id, version_id, source, observed_at) VALUES (@adId, @versionId, 'crawl', @at) ON CONFLICT DO NOTHING
            """, rows);
    }

    /// <summary>Extraction ran again on the ad's version and found other phones (a fixed misread): phones replaced, extracted_at moved.</summary>
    public async Task ReextractAsync(long adId, string[] phones, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var versionId = await c.ExecuteScalarAsync<long>("SELECT MIN(id) FROM ad_versions WHERE ad_id = @adId", new { adId });
        await c.ExecuteAsync("DELETE FROM ad_phones WHERE version_id = @versionId", new { versionId });
        foreach (var e164 in phones)
        {
            var phoneId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO phones (e164) VALUES (@e164) ON CONFLICT (e164) DO UPDATE SET e164 = excluded.e164 RETURNING id
                """, new { e164 });
            await c.ExecuteAsync("INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, @e164, FALSE)",
                new { versionId, phoneId, e164 });
        }
        await c.ExecuteAsync("UPDATE ad_versions SET extracted_at = @at WHERE id = @versionId", new { versionId, at = at.ToUnixTimeMilliseconds() });
    }

    /// <summary>The analysis tables as comparable lines, by natural keys (no surrogate ids), to compare a re-analysed database with a fresh one.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var lines = new List<string>();
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'adv ' || a.key || ' ' || a.label || ' ' || COALESCE(p.e164, '-') || ' ' || a.first_seen_at || ' ' || a.last_seen_at
            FROM advertisers a LEFT JOIN operators o ON o.id = a.operator_id LEFT JOIN phones p ON p.id = o.phone_id ORDER BY a.key
            """));
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'link ' || a.key || ' ' || ads.external_id || ' ' || l.link_kind
            FROM advertiser_ads l JOIN advertisers a ON a.id = l.advertiser_id JOIN ads ON ads.id = l.ad_id ORDER BY a.key, ads.external_id
            """));
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'stay ' || p.key || ' ' || a.key || ' ' || s.start_at || ' ' || s.end_at || ' ' || s.ad_count || ' ' || s.link_kind
            FROM stays s JOIN locations l ON l.id = s.location_id JOIN places p ON p.id = l.place_id JOIN advertisers a ON a.id = s.advertiser_id
            ORDER BY p.key, s.start_at, a.key
            """));
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'flag ' || p.key || ' ' || CAST(f.score AS TEXT) || ' ' || CASE WHEN f.active THEN 'active' ELSE 'inactive' END || ' ' || f.reasons_json
                   || ' ' || COALESCE(f.advertiser_count, -1) || ' ' || COALESCE(f.short_stay_count, -1) || ' ' || COALESCE(f.phones_json, '-')
                   || ' ' || COALESCE(f.ads_json, '-') || ' ' || f.first_flagged_at || ' ' || COALESCE(f.cleared_at, -1)
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id ORDER BY p.key
            """));
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'loc ' || p.key || ' ' || l.first_seen_at || ' ' || l.last_seen_at || ' ' || COALESCE(l.licensed_venue, '-')
            FROM locations l JOIN places p ON p.id = l.place_id ORDER BY p.key
            """));
        lines.AddRange(await c.QueryAsync<string>("""
            SELECT 'tour ' || a.key || ' ' || t.phones_json || ' ' || t.places_json FROM touring t JOIN advertisers a ON a.id = t.advertiser_id ORDER BY a.key
            """));
        return lines;
    }
}
