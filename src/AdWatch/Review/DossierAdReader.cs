using System.Data.Common;
using System.Text.Json;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>Reads the ads of a dossier: their current text, advertiser, observation count and every stored capture.</summary>
internal static class DossierAdReader
{
    public static async Task<IReadOnlyList<DossierAd>> ReadAsync(DbConnection c, IReadOnlyList<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await c.QueryAsync<AdData>(new CommandDefinition($"""
            SELECT a.id AS ad_id, s.name AS site, a.external_id, a.url, a.status, v.title, v.body_text, v.advertiser_name, v.location_text,
                   v.image_urls, v.extras, a.first_seen_at, a.last_seen_at, adv.id AS advertiser_id, adv.label AS advertiser_label,
                   (SELECT COUNT(*) FROM observations o WHERE o.ad_id = a.id) AS observations
            FROM ads a
            JOIN sites s ON s.id = a.site_id
            LEFT JOIN ad_versions v ON v.id = COALESCE(a.current_version_id, (SELECT MAX(x.id) FROM ad_versions x WHERE x.ad_id = a.id))
            LEFT JOIN advertisers adv ON adv.id = (SELECT MIN(aa.advertiser_id) FROM advertiser_ads aa WHERE aa.ad_id = a.id)
            WHERE {SqlIn.List(c, "a.id", "@ids")}
            ORDER BY a.first_seen_at, a.id
            """, new { ids = ids.ToArray() }, cancellationToken: ct));
        var captures = (await c.QueryAsync<CaptureData>(new CommandDefinition($"""
            SELECT v.ad_id, v.id AS version_id, v.first_seen_at, v.evidence_id, e.sha256, e.captured_at, e.content_type
            FROM ad_versions v LEFT JOIN evidence_blobs e ON e.id = v.evidence_id
            WHERE {SqlIn.List(c, "v.ad_id", "@ids")} ORDER BY v.first_seen_at, v.id
            """, new { ids = ids.ToArray() }, cancellationToken: ct))).ToLookup(x => x.AdId);
        return [.. rows.Select(r => new DossierAd(r.AdId, r.Site, r.ExternalId, r.Url, r.Status, r.Title, r.BodyText, r.AdvertiserName,
            r.LocationText, r.AdvertiserId, r.AdvertiserLabel, r.FirstSeenAt, r.LastSeenAt, (int)r.Observations, ImageUrls(r.ImageUrls),
            [.. captures[r.AdId].Select(x => new DossierCapture(x.VersionId, x.FirstSeenAt, x.EvidenceId, x.Sha256,
                x.CapturedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, x.ContentType))])
        {
            Extras = Extras(r.Extras),
        })];
    }

    /// <summary>The stored JSON object of extras, sorted by name; anything else yields none.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> Extras(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json)?
                .Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))
                .OrderBy(p => p.Key, StringComparer.Ordinal).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The stored JSON array of image URLs; anything else (it came from an ad site) yields no images.</summary>
    private static IReadOnlyList<string> ImageUrls(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<string?>>(json)?.OfType<string>().ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed record AdData
    {
        public long AdId { get; init; }
        public string Site { get; init; } = "";
        public string ExternalId { get; init; } = "";
        public string Url { get; init; } = "";
        public string Status { get; init; } = "";
        public string? Title { get; init; }
        public string? BodyText { get; init; }
        public string? AdvertiserName { get; init; }
        public string? LocationText { get; init; }
        public string? ImageUrls { get; init; }
        public string? Extras { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
        public long? AdvertiserId { get; init; }
        public string? AdvertiserLabel { get; init; }
        public long Observations { get; init; }
    }

    private sealed record CaptureData
    {
        public long AdId { get; init; }
        public long VersionId { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public long? EvidenceId { get; init; }
        public string? Sha256 { get; init; }
        public long? CapturedAt { get; init; }
        public string? ContentType { get; init; }
    }
}
