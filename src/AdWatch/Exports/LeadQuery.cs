using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Exports;

/// <summary>
/// Reads leads (active flags joined to their location and place) with reasons, phones, stays and ads. An unresolved location's
/// lead names only its town: whatever its place row holds, street, house number, postcode, point and BAG ids stay empty.
/// </summary>
public sealed class LeadQuery(Database database)
{
    private const string Select = """
        SELECT f.id AS FlagId, f.location_id AS LocationId, f.status AS Status, f.score AS Score, f.reasons_json AS ReasonsJson,
               f.first_flagged_at AS FirstFlaggedAt, f.computed_at AS ComputedAt, f.ads_json AS AdsJson, l.place_id AS PlaceId,
               p.label AS Label, p.precision AS Precision, p.street AS Street, p.house_number AS HouseNumber, p.postcode AS Postcode,
               p.place_name AS Place, p.municipality_code AS MunicipalityCode, p.lat AS Lat, p.lon AS Lon,
               p.bag_nummeraanduiding_id AS NummeraanduidingId, p.bag_adresseerbaarobject_id AS AdresseerbaarObjectId,
               p.bag_gebruiksdoel AS Gebruiksdoel
        FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
        """;

    /// <summary>The lead of an active flag, or null when the flag is unknown or no longer active.</summary>
    public async Task<Lead?> GetAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var head = await connection.QuerySingleOrDefaultAsync<Head>(new CommandDefinition(
            Select + " WHERE f.id = @flagId AND f.active = TRUE", new { flagId }, cancellationToken: ct));
        return head is null ? null : await CompleteAsync(connection, head, ct);
    }

    /// <summary>
    /// Active leads within <paramref name="scope"/> (the user's organisation; <see cref="AccessScope.Everything"/> for the
    /// command line), highest score first; with <paramref name="since"/> only those the analysis flagged or changed from
    /// that time on.
    /// </summary>
    public async Task<IReadOnlyList<Lead>> ListAsync(DateTimeOffset? since, AccessScope scope, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // No "@since IS NULL OR …": PostgreSQL cannot type a parameter that is only ever compared with NULL.
        var filter = (since is null ? "" : " AND f.computed_at >= @since") + " AND " + scope.Sql(connection, "p.municipality_code");
        var args = new DynamicParameters(new { since });
        args.Add(AccessScope.ParameterName, scope.Parameter);
        var heads = await connection.QueryAsync<Head>(new CommandDefinition(
            Select + " WHERE f.active = TRUE" + filter + " ORDER BY f.score DESC, f.id", args, cancellationToken: ct));
        var leads = new List<Lead>();
        foreach (var head in heads)
        {
            leads.Add(await CompleteAsync(connection, head, ct));
        }
        return leads;
    }

    private static async Task<Lead> CompleteAsync(System.Data.Common.DbConnection connection, Head h, CancellationToken ct)
    {
        // The ads placed here, and the ads the flag rests on: an unresolved location's ads (and a house's postcode- or street-only
        // ads) name no place of this location, yet they are its evidence.
        IReadOnlyList<long> flagged = h.AdsJson is { } json ? System.Text.Json.JsonSerializer.Deserialize<List<long>>(json) ?? [] : [];
        var here = "v.id IN (SELECT ap.version_id FROM ad_places ap WHERE ap.place_id = @PlaceId" +
                   (flagged.Count == 0 ? "" : " UNION SELECT fv.id FROM ad_versions fv WHERE " + SqlIn.List(connection, "fv.ad_id", "@flagged")) + ")";
        var phones = await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT DISTINCT ph.e164 FROM ad_versions v JOIN ad_phones aph ON aph.version_id = v.id JOIN phones ph ON ph.id = aph.phone_id
            WHERE {here} AND ph.status = 'ok'
            ORDER BY ph.e164
            """, new { h.PlaceId, flagged }, cancellationToken: ct));
        var stays = await connection.QueryAsync<Stay>(new CommandDefinition("""
            SELECT a.label AS Advertiser, s.start_at AS StartAt, s.end_at AS EndAt, s.ad_count AS AdCount, s.link_kind AS LinkKind
            FROM stays s JOIN advertisers a ON a.id = s.advertiser_id WHERE s.location_id = @LocationId ORDER BY s.start_at, a.label
            """, new { h.LocationId }, cancellationToken: ct));
        // Newest evidence per ad: the version with the latest first sighting among those placed here (or, for an ad the flag
        // rests on, among all its versions).
        var versions = await connection.QueryAsync<AdVersion>(new CommandDefinition($"""
            SELECT a.id AS AdId, si.name AS Site, a.url AS Url, a.first_seen_at AS FirstSeenAt, a.last_seen_at AS LastSeenAt,
                   v.first_seen_at AS VersionSeenAt, e.captured_at AS CapturedAt, e.sha256 AS EvidenceSha256
            FROM ad_versions v JOIN ads a ON a.id = v.ad_id JOIN sites si ON si.id = a.site_id
            LEFT JOIN evidence_blobs e ON e.id = v.evidence_id
            WHERE {here}
            ORDER BY a.id, v.first_seen_at DESC, v.id DESC
            """, new { h.PlaceId, flagged }, cancellationToken: ct));
        var ads = versions.GroupBy(v => v.AdId).Select(g => g.First())
            .Select(v => new LeadAd(v.AdId, v.Site, v.Url, v.FirstSeenAt, v.LastSeenAt, v.CapturedAt, v.EvidenceSha256)).ToList();
        var unknown = h.Precision == Lead.UnresolvedPrecision;
        return new Lead
        {
            LeadId = Lead.IdOf(h.FlagId), FlagId = h.FlagId, LocationId = h.LocationId, Status = h.Status, Score = h.Score,
            Label = h.Label, Precision = h.Precision, Street = unknown ? null : h.Street, HouseNumber = unknown ? null : h.HouseNumber,
            Postcode = unknown ? null : h.Postcode, Place = h.Place, MunicipalityCode = h.MunicipalityCode,
            Lat = unknown ? null : h.Lat, Lon = unknown ? null : h.Lon,
            NummeraanduidingId = unknown ? null : h.NummeraanduidingId, AdresseerbaarObjectId = unknown ? null : h.AdresseerbaarObjectId,
            Gebruiksdoel = unknown ? null : h.Gebruiksdoel,
            FirstFlaggedAt = h.FirstFlaggedAt, ComputedAt = h.ComputedAt,
            Reasons = [.. FlagReasonJson.Deserialize(h.ReasonsJson).Select(r => new LeadReason(r.Code, r.Dutch, r.English))],
            Phones = [.. phones], Stays = [.. stays.Select(s => new LeadStay(s.Advertiser, s.StartAt, s.EndAt, s.AdCount, s.LinkKind))], Ads = ads,
        };
    }

    private sealed record Head
    {
        public long FlagId { get; init; }
        public long LocationId { get; init; }
        public long PlaceId { get; init; }
        public string Status { get; init; } = "";
        public double Score { get; init; }
        public string ReasonsJson { get; init; } = "[]";
        public string? AdsJson { get; init; }
        public DateTimeOffset FirstFlaggedAt { get; init; }
        public DateTimeOffset ComputedAt { get; init; }
        public string Label { get; init; } = "";
        public string Precision { get; init; } = "";
        public string? Street { get; init; }
        public string? HouseNumber { get; init; }
        public string? Postcode { get; init; }
        public string? Place { get; init; }
        public string? MunicipalityCode { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public string? NummeraanduidingId { get; init; }
        public string? AdresseerbaarObjectId { get; init; }
        public string? Gebruiksdoel { get; init; }
    }

    private sealed record Stay
    {
        public string Advertiser { get; init; } = "";
        public DateTimeOffset StartAt { get; init; }
        public DateTimeOffset EndAt { get; init; }
        public int AdCount { get; init; }
        public string LinkKind { get; init; } = "";
    }

    private sealed record AdVersion
    {
        public long AdId { get; init; }
        public string Site { get; init; } = "";
        public string Url { get; init; } = "";
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
        public DateTimeOffset VersionSeenAt { get; init; }
        public DateTimeOffset? CapturedAt { get; init; }
        public string? EvidenceSha256 { get; init; }
    }
}
