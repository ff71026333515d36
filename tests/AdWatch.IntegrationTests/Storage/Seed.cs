using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Storage;

/// <summary>Minimal rows other tables hang off, written with plain SQL so these tests do not depend on the crawl stores.</summary>
internal static class Seed
{
    public static async Task<(long AdId, long VersionId)> AdVersionAsync(Database db, string externalId, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var siteId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('seed', 'http', @at, @at)
            ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at RETURNING id
            """, new { at });
        var adId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @externalId, @url, @at, @at) RETURNING id
            """, new { siteId, externalId, url = $"https://site.test/ad/{externalId}", at });
        var versionId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ad_versions (ad_id, content_hash, title, body_text, first_seen_at) VALUES (@adId, 'h1', 'Nieuw', 'tekst', @at) RETURNING id
            """, new { adId, at });
        return (adId, versionId);
    }

    public static async Task<long> FlagAsync(Database db, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var placeId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO places (key, label, precision, in_region, source, geocoded_at) VALUES ('pc:3841AB', '3841 AB Harderwijk', 'postcode', TRUE, 'gazetteer', @at) RETURNING id
            """, new { at });
        var locationId = await c.ExecuteScalarAsync<long>(
            "INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@placeId, @at, @at) RETURNING id", new { placeId, at });
        return await c.ExecuteScalarAsync<long>("""
            INSERT INTO flags (location_id, score, reasons_json, first_flagged_at, computed_at, as_of) VALUES (@locationId, 0.5, '[]', @at, @at, @at) RETURNING id
            """, new { locationId, at });
    }

    public static async Task<long> PhoneAsync(Database db, string e164, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>("INSERT INTO phones (e164) VALUES (@e164) RETURNING id", new { e164 });
    }
}
