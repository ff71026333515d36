using System.Data.Common;
using Dapper;

namespace AdWatch.Dossiers;

/// <summary>Reads the locations and operators linked to a dossier's location through shared advertisers or operator phones.</summary>
internal static class DossierLinkReader
{
    public static async Task<IReadOnlyList<DossierLinkedLocation>> LocationsAsync(DbConnection c, long locationId, CancellationToken ct)
    {
        var byAdvertiser = await c.QueryAsync<LinkData>(new CommandDefinition("""
            SELECT l.id AS location_id, p.label, p.municipality_code, p.lat, p.lon, COUNT(DISTINCT s2.advertiser_id) AS shared,
                   f.id AS flag_id, f.status AS flag_status, f.score
            FROM stays s1
            JOIN stays s2 ON s2.advertiser_id = s1.advertiser_id AND s2.location_id <> s1.location_id
            JOIN locations l ON l.id = s2.location_id JOIN places p ON p.id = l.place_id
            LEFT JOIN flags f ON f.location_id = l.id AND f.active = TRUE
            WHERE s1.location_id = @locationId
            GROUP BY l.id, p.label, p.municipality_code, p.lat, p.lon, f.id, f.status, f.score
            """, new { locationId }, cancellationToken: ct));
        var byOperator = await c.QueryAsync<LinkData>(new CommandDefinition("""
            SELECT l.id AS location_id, p.label, p.municipality_code, p.lat, p.lon, COUNT(DISTINCT s2.advertiser_id) AS shared,
                   f.id AS flag_id, f.status AS flag_status, f.score
            FROM stays s1
            JOIN advertisers a1 ON a1.id = s1.advertiser_id
            JOIN advertisers a2 ON a2.operator_id = a1.operator_id AND a2.id <> a1.id
            JOIN stays s2 ON s2.advertiser_id = a2.id AND s2.location_id <> s1.location_id
            JOIN locations l ON l.id = s2.location_id JOIN places p ON p.id = l.place_id
            LEFT JOIN flags f ON f.location_id = l.id AND f.active = TRUE
            WHERE s1.location_id = @locationId AND a1.operator_id IS NOT NULL
            GROUP BY l.id, p.label, p.municipality_code, p.lat, p.lon, f.id, f.status, f.score
            """, new { locationId }, cancellationToken: ct));
        var result = byAdvertiser.Select(l => l.ToLinked("advertiser")).ToList();
        var seen = result.Select(l => l.LocationId).ToHashSet();
        result.AddRange(byOperator.Where(l => !seen.Contains(l.LocationId)).Select(l => l.ToLinked("operator")));
        return [.. result.OrderByDescending(l => l.SharedAdvertisers).ThenBy(l => l.Label, StringComparer.Ordinal)];
    }

    public static async Task<IReadOnlyList<DossierOperator>> OperatorsAsync(DbConnection c, long locationId, CancellationToken ct)
    {
        var rows = await c.QueryAsync<(long OperatorId, string Phone, string Label)>(new CommandDefinition("""
            SELECT DISTINCT o.id, ph.e164, a2.label
            FROM stays s
            JOIN advertisers a ON a.id = s.advertiser_id
            JOIN operators o ON o.id = a.operator_id
            JOIN phones ph ON ph.id = o.phone_id
            JOIN advertisers a2 ON a2.operator_id = o.id
            WHERE s.location_id = @locationId
            """, new { locationId }, cancellationToken: ct));
        return [.. rows.GroupBy(r => (r.OperatorId, r.Phone)).OrderBy(g => g.Key.Phone, StringComparer.Ordinal)
            .Select(g => new DossierOperator(g.Key.OperatorId, g.Key.Phone, [.. g.Select(r => r.Label).Order(StringComparer.Ordinal)]))];
    }

    private sealed record LinkData
    {
        public long LocationId { get; init; }
        public string Label { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public long Shared { get; init; }
        public long? FlagId { get; init; }
        public string? FlagStatus { get; init; }
        public double? Score { get; init; }

        public DossierLinkedLocation ToLinked(string via) =>
            new(LocationId, Label, MunicipalityCode, Lat, Lon, via, (int)Shared, FlagId, FlagStatus, Score);
    }
}
