using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>Reads the phones of a dossier's ads and, for each, the other places where ads with that phone appeared.</summary>
internal static class DossierPhoneReader
{
    public static async Task<IReadOnlyList<DossierPhone>> ReadAsync(DbConnection c, IReadOnlyList<long> adIds, long placeId, CancellationToken ct)
    {
        if (adIds.Count == 0)
        {
            return [];
        }
        var phones = (await c.QueryAsync<PhoneData>(new CommandDefinition($"""
            SELECT ph.id, ph.e164, ph.status, COUNT(DISTINCT v.ad_id) AS ads
            FROM ad_versions v JOIN ad_phones ap ON ap.version_id = v.id JOIN phones ph ON ph.id = ap.phone_id
            WHERE {SqlIn.List(c, "v.ad_id", "@adIds")} GROUP BY ph.id, ph.e164, ph.status ORDER BY ph.e164
            """, new { adIds = adIds.ToArray() }, cancellationToken: ct))).ToList();
        if (phones.Count == 0)
        {
            return [];
        }
        var phoneIds = phones.Select(p => p.Id).ToList();
        var totals = (await c.QueryAsync<(long PhoneId, long Ads)>(new CommandDefinition($"""
            SELECT ap.phone_id, COUNT(DISTINCT v.ad_id) FROM ad_phones ap JOIN ad_versions v ON v.id = ap.version_id
            WHERE {SqlIn.List(c, "ap.phone_id", "@phoneIds")} GROUP BY ap.phone_id
            """, new { phoneIds }, cancellationToken: ct))).ToDictionary(t => t.PhoneId, t => t.Ads);
        // One row per ad and place: PhoneSightings merges the writings of one place (per site, district and town) counting each ad once.
        var elsewhere = (await c.QueryAsync<SightingData>(new CommandDefinition($"""
            SELECT DISTINCT ap.phone_id, l.id AS location_id, pl.label, pl.municipality_code, a.id AS ad_id,
                   a.first_seen_at, a.last_seen_at
            FROM ad_phones ap
            JOIN ad_versions v ON v.id = ap.version_id
            JOIN ads a ON a.id = v.ad_id
            JOIN ad_places apl ON apl.version_id = v.id
            JOIN places pl ON pl.id = apl.place_id
            LEFT JOIN locations l ON l.place_id = pl.id
            WHERE {SqlIn.List(c, "ap.phone_id", "@phoneIds")} AND pl.id <> @placeId
            """, new { phoneIds, placeId }, cancellationToken: ct))).ToLookup(s => s.PhoneId);
        return [.. phones.Select(p => new DossierPhone(p.E164, p.Status, (int)p.Ads, (int)totals.GetValueOrDefault(p.Id),
            PhoneSightings.Merge(elsewhere[p.Id].Select(s => new PhoneSightings.Mention(s.LocationId, s.Label, s.MunicipalityCode, s.AdId, s.FirstSeenAt, s.LastSeenAt)))))];
    }

    private sealed record PhoneData
    {
        public long Id { get; init; }
        public string E164 { get; init; } = "";
        public string Status { get; init; } = "";
        public long Ads { get; init; }
    }

    private sealed record SightingData
    {
        public long PhoneId { get; init; }
        public long? LocationId { get; init; }
        public string Label { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public long AdId { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
    }
}
