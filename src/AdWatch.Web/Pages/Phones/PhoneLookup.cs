using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages.Phones;

/// <summary>
/// Phone lookup: any way of writing a number (06-12 34 56 78, +31 6…, 0031…, even the obfuscated spellings ads use) is
/// normalised to E.164 by the same <see cref="PhoneExtractor"/> that reads ads, then every ad, place and time it appeared
/// within the user's <see cref="AccessScope"/>: an ad counts when one of its versions names a place in scope. Outside the
/// scope the answer is only <see cref="PhoneLookupResult.ElsewhereInRegion"/>, yes or no.
/// </summary>
public sealed class PhoneLookup(Database database, PhoneExtractor extractor)
{
    /// <summary>Most ads listed for one number; a site's service number can be on thousands.</summary>
    public const int MaxAds = 500;

    /// <summary>The E.164 form of <paramref name="query"/>, or null when it holds no phone number.</summary>
    public string? Normalize(string? query)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > 200)
        {
            return null;
        }
        return extractor.Extract(query).FirstOrDefault()?.E164;
    }

    public async Task<PhoneLookupResult> LookupAsync(string query, AccessScope scope, CancellationToken ct)
    {
        var e164 = Normalize(query);
        if (e164 is null)
        {
            return new PhoneLookupResult(query, null, false, "ok", null, null, null, [], [], []);
        }
        await using var c = await database.OpenAsync(ct);
        var phone = await c.QuerySingleOrDefaultAsync<PhoneData>(new CommandDefinition(
            "SELECT id, status, status_note, status_by, status_at FROM phones WHERE e164 = @e164", new { e164 }, cancellationToken: ct));
        if (phone is null)
        {
            return new PhoneLookupResult(query, e164, false, "ok", null, null, null, [], [], []) { ElsewhereInRegion = scope.IsRegionWide ? null : false };
        }
        var args = new DynamicParameters(new { phone.Id, MaxAds });
        args.Add(AccessScope.ParameterName, scope.Parameter);
        // An ad is the user's when a version of it names a place in scope (always, for a region-wide scope).
        var adInScope = scope.IsRegionWide ? "1 = 1" : $"""
            EXISTS (SELECT 1 FROM ad_versions sv JOIN ad_places sap ON sap.version_id = sv.id JOIN places sp ON sp.id = sap.place_id
                    WHERE sv.ad_id = {"{0}"} AND {scope.Sql(c, "sp.municipality_code")})
            """;
        var spellings = await c.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT p.raw FROM ad_phones p JOIN ad_versions v ON v.id = p.version_id
            WHERE p.phone_id = @Id AND {adInScope.Replace("{0}", "v.ad_id", StringComparison.Ordinal)} ORDER BY p.raw
            """, args, cancellationToken: ct));
        var ads = (await c.QueryAsync<SightingData>(new CommandDefinition($"""
            SELECT a.id AS ad_id, s.name AS site, a.url, cv.title, adv.label AS advertiser_label, pl.label AS place_label, l.id AS location_id,
                   a.first_seen_at, a.last_seen_at
            FROM ads a
            JOIN sites s ON s.id = a.site_id
            LEFT JOIN ad_versions cv ON cv.id = COALESCE(a.current_version_id, (SELECT MAX(x.id) FROM ad_versions x WHERE x.ad_id = a.id))
            LEFT JOIN advertisers adv ON adv.id = (SELECT MIN(aa.advertiser_id) FROM advertiser_ads aa WHERE aa.ad_id = a.id)
            LEFT JOIN places pl ON pl.id = (SELECT MIN(ap.place_id) FROM ad_versions v JOIN ad_places ap ON ap.version_id = v.id WHERE v.ad_id = a.id)
            LEFT JOIN locations l ON l.place_id = pl.id
            WHERE a.id IN (SELECT v.ad_id FROM ad_phones p JOIN ad_versions v ON v.id = p.version_id WHERE p.phone_id = @Id)
              AND {adInScope.Replace("{0}", "a.id", StringComparison.Ordinal)}
            ORDER BY a.first_seen_at, a.id
            LIMIT @MaxAds
            """, args, cancellationToken: ct))).ToList();
        var places = await c.QueryAsync<PlaceData>(new CommandDefinition($"""
            SELECT pl.label, pl.municipality_code, l.id AS location_id, f.status AS flag_status, COUNT(DISTINCT a.id) AS ads,
                   MIN(a.first_seen_at) AS first_seen_at, MAX(a.last_seen_at) AS last_seen_at
            FROM ad_phones p
            JOIN ad_versions v ON v.id = p.version_id
            JOIN ads a ON a.id = v.ad_id
            JOIN ad_places ap ON ap.version_id = v.id
            JOIN places pl ON pl.id = ap.place_id
            LEFT JOIN locations l ON l.place_id = pl.id
            LEFT JOIN flags f ON f.location_id = l.id AND f.active = TRUE
            WHERE p.phone_id = @Id AND {scope.Sql(c, "pl.municipality_code")}
            GROUP BY pl.id, pl.label, pl.municipality_code, l.id, f.status
            ORDER BY MIN(a.first_seen_at), pl.label
            """, args, cancellationToken: ct));
        bool? elsewhere = null;
        if (!scope.IsRegionWide)
        {
            // A hit/no-hit only: a place in the region, with a municipality, outside the scope.
            elsewhere = await c.ExecuteScalarAsync<long>(new CommandDefinition($"""
                SELECT COUNT(*) FROM (SELECT 1 AS hit FROM ad_phones p
                    JOIN ad_places ap ON ap.version_id = p.version_id JOIN places pl ON pl.id = ap.place_id
                    WHERE p.phone_id = @Id AND pl.in_region = TRUE AND pl.municipality_code IS NOT NULL
                      AND NOT ({scope.Sql(c, "pl.municipality_code")}) LIMIT 1) x
                """, args, cancellationToken: ct)) > 0;
            if (ads.Count == 0)
            {
                return new PhoneLookupResult(query, e164, false, "ok", null, null, null, [], [], []) { ElsewhereInRegion = elsewhere };
            }
        }
        return new PhoneLookupResult(query, e164, true, phone.Status, phone.StatusNote, phone.StatusBy,
            phone.StatusAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            [.. spellings],
            [.. ads.Select(a => new PhoneSighting(a.AdId, a.Site, a.Url, a.Title, a.AdvertiserLabel, a.PlaceLabel, a.LocationId, a.FirstSeenAt, a.LastSeenAt))],
            [.. places.Select(p => new PhonePlace(p.Label, p.MunicipalityCode, p.LocationId, p.FlagStatus, (int)p.Ads, p.FirstSeenAt, p.LastSeenAt))])
        {
            ElsewhereInRegion = elsewhere,
        };
    }

    private sealed record PhoneData
    {
        public long Id { get; init; }
        public string Status { get; init; } = "ok";
        public string? StatusNote { get; init; }
        public string? StatusBy { get; init; }
        public long? StatusAt { get; init; }
    }

    private sealed record SightingData
    {
        public long AdId { get; init; }
        public string Site { get; init; } = "";
        public string Url { get; init; } = "";
        public string? Title { get; init; }
        public string? AdvertiserLabel { get; init; }
        public string? PlaceLabel { get; init; }
        public long? LocationId { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
    }

    private sealed record PlaceData
    {
        public string Label { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public long? LocationId { get; init; }
        public string? FlagStatus { get; init; }
        public long Ads { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
    }
}
