using System.Data.Common;
using System.Text.Json;
using AdWatch.Analysis;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>
/// Reads a <see cref="LocationDossier"/> on one connection. Every query is keyed by the location, its ads or its phones
/// and runs on an index, so a dossier costs the same with 100 or 100,000 ads in the database.
/// </summary>
public sealed class DossierQuery(Database database)
{
    /// <summary>The dossier of a location, or null when there is no such location.</summary>
    public async Task<LocationDossier?> GetAsync(long locationId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var head = await c.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition("""
            SELECT l.id AS location_id, l.licensed_venue, l.first_seen_at, l.last_seen_at, l.identity_json, p.id AS place_id, p.label, p.precision,
                   p.street, p.house_number, p.postcode, p.place_name, p.municipality_code, p.in_region, p.lat, p.lon,
                   p.bag_nummeraanduiding_id, p.bag_adresseerbaarobject_id, p.bag_gebruiksdoel
            FROM locations l JOIN places p ON p.id = l.place_id WHERE l.id = @locationId
            """, new { locationId }, cancellationToken: ct));
        if (head is null)
        {
            return null;
        }
        var flag = await c.QuerySingleOrDefaultAsync<FlagData>(new CommandDefinition(
            """
            SELECT f.id, f.score, f.status, f.active, f.reasons_json, f.first_flagged_at, f.computed_at, f.as_of, f.assigned_to,
                   f.reactivated_at, m.location_id AS merged_into_location_id
            FROM flags f LEFT JOIN flags m ON m.id = f.merged_into_flag_id WHERE f.location_id = @locationId
            """,
            new { locationId }, cancellationToken: ct));
        var reasons = flag is null ? [] : FlagReasonJson.Deserialize(flag.ReasonsJson);
        var stays = (await c.QueryAsync<StayData>(new CommandDefinition("""
            SELECT s.advertiser_id, a.label AS advertiser_label, ph.e164 AS operator_phone, s.start_at, s.end_at, s.ad_count, s.link_kind, s.confidence,
                   a.operator_only, a.identity_json
            FROM stays s JOIN advertisers a ON a.id = s.advertiser_id
            LEFT JOIN operators o ON o.id = a.operator_id LEFT JOIN phones ph ON ph.id = o.phone_id
            WHERE s.location_id = @locationId ORDER BY s.start_at, s.advertiser_id
            """, new { locationId }, cancellationToken: ct)))
            .Select(s => new DossierStay(s.AdvertiserId, s.AdvertiserLabel, s.OperatorPhone, s.StartAt, s.EndAt, s.AdCount, s.LinkKind, s.Confidence)
            {
                OperatorOnly = s.OperatorOnly,
                Identity = s.IdentityJson is { } json ? FlagReasonJson.Deserialize(json) : [],
            })
            .ToList();

        var joins = head.IdentityJson is { } json ? JsonSerializer.Deserialize<List<LocationJoin>>(json) ?? [] : [];
        var resolution = await c.QuerySingleOrDefaultAsync<ResolutionData>(new CommandDefinition("""
            SELECT p.label, l.id AS location_id, r.recorded_by, r.recorded_at
            FROM location_resolutions r JOIN places p ON p.id = r.place_id LEFT JOIN locations l ON l.place_id = r.place_id
            WHERE r.unresolved_place_id = @PlaceId
            """, new { head.PlaceId }, cancellationToken: ct));
        var adIds = await AdIdsAsync(c, locationId, head.PlaceId, reasons, joins, ct);
        var ads = await DossierAdReader.ReadAsync(c, adIds, ct);
        var phones = await DossierPhoneReader.ReadAsync(c, adIds, head.PlaceId, ct);
        var linked = await DossierLinkReader.LocationsAsync(c, locationId, ct);
        var operators = await DossierLinkReader.OperatorsAsync(c, locationId, ct);
        IReadOnlyList<ReviewRow> reviews = flag is null ? [] : [.. await c.QueryAsync<ReviewRow>(new CommandDefinition(
            "SELECT * FROM reviews WHERE flag_id = @Id ORDER BY at, id", new { flag.Id }, cancellationToken: ct))];

        return new LocationDossier(
            head.LocationId,
            head.PlaceId,
            head.Label,
            new Place(EnumText.Parse<GeoPrecision>(head.Precision), head.Street, head.HouseNumber, head.Postcode, head.PlaceName,
                head.MunicipalityCode, head.InRegion, head.Lat, head.Lon, head.BagNummeraanduidingId, head.BagAdresseerbaarobjectId, head.BagGebruiksdoel),
            head.LicensedVenue, head.FirstSeenAt, head.LastSeenAt,
            flag is null ? null : new DossierFlag(flag.Id, flag.Score, EnumText.Parse<ReviewStatus>(flag.Status), flag.Active, flag.FirstFlaggedAt, flag.ComputedAt, flag.AsOf, flag.AssignedTo, flag.ReactivatedAt),
            reasons, stays, ads, phones, linked, operators, reviews)
        {
            Joins = joins,
            Resolution = resolution is null ? null : new DossierResolution(resolution.Label, resolution.LocationId, resolution.RecordedBy, resolution.RecordedAt),
            MergedIntoLocationId = flag?.MergedIntoLocationId,
        };
    }

    /// <summary>The dossier of the location a flag belongs to, or null when there is no such flag.</summary>
    public async Task<LocationDossier?> GetByFlagAsync(long flagId, CancellationToken ct)
    {
        long? locationId;
        await using (var c = await database.OpenAsync(ct))
        {
            locationId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT location_id FROM flags WHERE id = @flagId", new { flagId }, cancellationToken: ct));
        }
        return locationId is { } id ? await GetAsync(id, ct) : null;
    }

    /// <summary>
    /// Ads with this place in any version; ads an identity decision names (joined or kept apart); ads of advertisers whose stay here rests on a strong link (phone, image,
    /// template) seen during that stay and carrying no other exact place; and every ad a reason cites as evidence.
    /// </summary>
    private static async Task<IReadOnlyList<long>> AdIdsAsync(DbConnection c, long locationId, long placeId, IReadOnlyList<FlagReason> reasons,
        IReadOnlyList<LocationJoin> joins, CancellationToken ct)
    {
        var ids = new HashSet<long>(await c.QueryAsync<long>(new CommandDefinition("""
            SELECT DISTINCT v.ad_id FROM ad_places ap JOIN ad_versions v ON v.id = ap.version_id WHERE ap.place_id = @placeId
            """, new { placeId }, cancellationToken: ct)));
        ids.UnionWith(await c.QueryAsync<long>(new CommandDefinition("""
            SELECT DISTINCT aa.ad_id FROM stays s
            JOIN advertiser_ads aa ON aa.advertiser_id = s.advertiser_id
            JOIN ads a ON a.id = aa.ad_id
            WHERE s.location_id = @locationId AND s.link_kind <> 'address'
              AND a.first_seen_at < s.end_at + 86400000 AND a.last_seen_at >= s.start_at
              AND NOT EXISTS (SELECT 1 FROM ad_versions v JOIN ad_places ap ON ap.version_id = v.id JOIN places p ON p.id = ap.place_id
                              WHERE v.ad_id = a.id AND p.id <> @placeId AND p.precision IN ('address', 'postcode', 'street'))
            """, new { locationId, placeId }, cancellationToken: ct)));
        var cited = reasons.SelectMany(r => r.Evidence.Ads).Concat(joins.SelectMany(j => j.AdIds)).Where(id => !ids.Contains(id)).Distinct().ToList();
        if (cited.Count > 0)
        {
            ids.UnionWith(await c.QueryAsync<long>(new CommandDefinition($"SELECT id FROM ads WHERE {SqlIn.List(c, "id", "@cited")}", new { cited }, cancellationToken: ct)));
        }
        return [.. ids.Order()];
    }

    private sealed record HeadRow
    {
        public long LocationId { get; init; }
        public string? LicensedVenue { get; init; }
        public string? IdentityJson { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
        public long PlaceId { get; init; }
        public string Label { get; init; } = "";
        public string Precision { get; init; } = "";
        public string? Street { get; init; }
        public string? HouseNumber { get; init; }
        public string? Postcode { get; init; }
        public string? PlaceName { get; init; }
        public string? MunicipalityCode { get; init; }
        public bool InRegion { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public string? BagNummeraanduidingId { get; init; }
        public string? BagAdresseerbaarobjectId { get; init; }
        public string? BagGebruiksdoel { get; init; }
    }

    private sealed record FlagData
    {
        public long Id { get; init; }
        public double Score { get; init; }
        public string Status { get; init; } = "";
        public bool Active { get; init; }
        public string ReasonsJson { get; init; } = "[]";
        public DateTimeOffset FirstFlaggedAt { get; init; }
        public DateTimeOffset ComputedAt { get; init; }
        public DateTimeOffset AsOf { get; init; }
        public string? AssignedTo { get; init; }
        public DateTimeOffset? ReactivatedAt { get; init; }
        public long? MergedIntoLocationId { get; init; }
    }

    private sealed record ResolutionData
    {
        public string Label { get; init; } = "";
        public long? LocationId { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }

    private sealed record StayData
    {
        public long AdvertiserId { get; init; }
        public string AdvertiserLabel { get; init; } = "";
        public string? OperatorPhone { get; init; }
        public DateTimeOffset StartAt { get; init; }
        public DateTimeOffset EndAt { get; init; }
        public int AdCount { get; init; }
        public string LinkKind { get; init; } = "";
        public double Confidence { get; init; }
        public bool OperatorOnly { get; init; }
        public string? IdentityJson { get; init; }
    }
}
