using System.Data.Common;
using AdWatch.Accounts;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>The answer of <see cref="LocationAccess"/>: the target does not exist, may be seen, or exists outside the scope.</summary>
public enum AccessVerdict
{
    NotFound,
    Allowed,
    Refused,
}

/// <summary>
/// Whether an <see cref="AccessScope"/> may see a location, an ad (its photos) or a stored capture, decided in SQL on
/// <c>places.municipality_code</c>. An ad is in scope when a location in scope would show it in its dossier: one of its
/// versions names a place in scope, or its advertiser stayed at a location in scope on a strong link (phone, photo,
/// template) while the ad ran (the same rule as the dossier's ads). Callers answer a refusal like a missing target (404), so
/// existence outside the scope is not revealed, and audit it.
/// </summary>
public sealed class LocationAccess(Database database)
{
    public async Task<AccessVerdict> LocationAsync(long locationId, AccessScope scope, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<AccessRow>(new CommandDefinition($"""
            SELECT l.id AS id, CASE WHEN {scope.Sql(c, "p.municipality_code")} THEN 1 ELSE 0 END AS allowed
            FROM locations l JOIN places p ON p.id = l.place_id WHERE l.id = @locationId
            """, Args(scope, new { locationId }), cancellationToken: ct));
        return row is null ? AccessVerdict.NotFound : row.Allowed == 1 ? AccessVerdict.Allowed : AccessVerdict.Refused;
    }

    public async Task<AccessVerdict> AdAsync(long adId, AccessScope scope, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await AdAsync(c, adId, scope, ct);
    }

    /// <summary>A stored capture (<c>evidence_blobs</c>) is in scope when one ad version holding it is.</summary>
    public async Task<AccessVerdict> EvidenceAsync(long evidenceId, AccessScope scope, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var ads = (await c.QueryAsync<long>(new CommandDefinition(
            "SELECT DISTINCT ad_id FROM ad_versions WHERE evidence_id = @evidenceId", new { evidenceId }, cancellationToken: ct))).ToList();
        if (ads.Count == 0)
        {
            var exists = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM evidence_blobs WHERE id = @evidenceId", new { evidenceId }, cancellationToken: ct));
            return exists == 0 ? AccessVerdict.NotFound : scope.IsRegionWide ? AccessVerdict.Allowed : AccessVerdict.Refused;
        }
        foreach (var ad in ads)
        {
            if (await AdAsync(c, ad, scope, ct) == AccessVerdict.Allowed)
            {
                return AccessVerdict.Allowed;
            }
        }
        return AccessVerdict.Refused;
    }

    /// <summary>The dossier without what lies outside the scope: linked locations and other places where its phones were seen.</summary>
    public static LocationDossier Within(LocationDossier dossier, AccessScope scope) => scope.IsRegionWide ? dossier : dossier with
    {
        LinkedLocations = [.. dossier.LinkedLocations.Where(l => scope.Allows(l.MunicipalityCode))],
        Phones = [.. dossier.Phones.Select(p => p with { Elsewhere = [.. p.Elsewhere.Where(s => scope.Allows(s.MunicipalityCode))] })],
    };

    private static async Task<AccessVerdict> AdAsync(DbConnection c, long adId, AccessScope scope, CancellationToken ct)
    {
        var row = await c.QuerySingleOrDefaultAsync<AccessRow>(new CommandDefinition($"""
            SELECT a.id AS id, CASE WHEN
                EXISTS (SELECT 1 FROM ad_versions v JOIN ad_places ap ON ap.version_id = v.id JOIN places p ON p.id = ap.place_id
                        WHERE v.ad_id = a.id AND {scope.Sql(c, "p.municipality_code")})
                OR EXISTS (SELECT 1 FROM advertiser_ads aa JOIN stays s ON s.advertiser_id = aa.advertiser_id
                           JOIN locations l ON l.id = s.location_id JOIN places p ON p.id = l.place_id
                           WHERE aa.ad_id = a.id AND s.link_kind <> 'address'
                             AND a.first_seen_at < s.end_at + 86400000 AND a.last_seen_at >= s.start_at
                             AND {scope.Sql(c, "p.municipality_code")})
                OR {(scope.IsRegionWide ? "1 = 1" : "1 = 0")}
              THEN 1 ELSE 0 END AS allowed
            FROM ads a WHERE a.id = @adId
            """, Args(scope, new { adId }), cancellationToken: ct));
        return row is null ? AccessVerdict.NotFound : row.Allowed == 1 ? AccessVerdict.Allowed : AccessVerdict.Refused;
    }

    private sealed record AccessRow
    {
        public long Id { get; init; }
        public long Allowed { get; init; }
    }

    private static DynamicParameters Args(AccessScope scope, object values)
    {
        var args = new DynamicParameters(values);
        args.Add(AccessScope.ParameterName, scope.Parameter);
        return args;
    }
}
