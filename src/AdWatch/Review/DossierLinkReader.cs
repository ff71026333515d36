using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

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
        var byOperator = await OperatorLinksAsync(c, locationId, ct);
        var result = byAdvertiser.Select(l => l.ToLinked("advertiser")).ToList();
        var seen = result.Select(l => l.LocationId).ToHashSet();
        result.AddRange(byOperator.Where(l => !seen.Contains(l.LocationId)).Select(l => l.ToLinked("operator")));
        return [.. result.OrderByDescending(l => l.SharedAdvertisers).ThenBy(l => l.Label, StringComparer.Ordinal)];
    }

    public static async Task<IReadOnlyList<DossierOperator>> OperatorsAsync(DbConnection c, long locationId, CancellationToken ct)
    {
        var operators = await OperatorsHereAsync(c, locationId, ct);
        if (operators.Count == 0)
        {
            return [];
        }
        var peers = await PeersAsync(c, operators, ct);
        return [.. operators.OrderBy(o => o.Phone, StringComparer.Ordinal).Select(o => new DossierOperator(o.Id, o.Phone,
            [.. peers.Where(p => p.OperatorId == o.Id).Select(p => p.Label).Distinct().Order(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// Locations where other advertisers of this location's operators stayed. Operators are few: their advertisers are
    /// read once (one scan of <c>advertisers</c>), then their stays by the advertiser index.
    /// </summary>
    private static async Task<IEnumerable<LinkData>> OperatorLinksAsync(DbConnection c, long locationId, CancellationToken ct)
    {
        var operators = await OperatorsHereAsync(c, locationId, ct);
        if (operators.Count == 0)
        {
            return [];
        }
        var peerIds = (await PeersAsync(c, operators, ct)).Select(p => p.Id).ToArray();
        return await c.QueryAsync<LinkData>(new CommandDefinition($"""
            SELECT l.id AS location_id, p.label, p.municipality_code, p.lat, p.lon, COUNT(DISTINCT s2.advertiser_id) AS shared,
                   f.id AS flag_id, f.status AS flag_status, f.score
            FROM stays s2
            JOIN locations l ON l.id = s2.location_id JOIN places p ON p.id = l.place_id
            LEFT JOIN flags f ON f.location_id = l.id AND f.active = TRUE
            WHERE {SqlIn.List(c, "s2.advertiser_id", "@peerIds")} AND s2.location_id <> @locationId
              AND s2.advertiser_id NOT IN (SELECT advertiser_id FROM stays WHERE location_id = @locationId)
            GROUP BY l.id, p.label, p.municipality_code, p.lat, p.lon, f.id, f.status, f.score
            """, new { peerIds, locationId }, cancellationToken: ct));
    }

    private static async Task<List<(long Id, string Phone)>> OperatorsHereAsync(DbConnection c, long locationId, CancellationToken ct) =>
    [
        .. await c.QueryAsync<(long Id, string Phone)>(new CommandDefinition("""
            SELECT DISTINCT o.id, ph.e164 FROM stays s JOIN advertisers a ON a.id = s.advertiser_id
            JOIN operators o ON o.id = a.operator_id JOIN phones ph ON ph.id = o.phone_id
            WHERE s.location_id = @locationId
            """, new { locationId }, cancellationToken: ct)),
    ];

    private static async Task<List<(long Id, long OperatorId, string Label)>> PeersAsync(DbConnection c, List<(long Id, string Phone)> operators,
        CancellationToken ct)
    {
        var ops = operators.Select(o => o.Id).ToArray();
        return [.. await c.QueryAsync<(long Id, long OperatorId, string Label)>(new CommandDefinition(
            $"SELECT id, operator_id, label FROM advertisers WHERE {SqlIn.List(c, "operator_id", "@ops")}", new { ops }, cancellationToken: ct))];
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
