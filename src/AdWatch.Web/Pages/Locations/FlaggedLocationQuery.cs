using AdWatch.Accounts;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// The flagged-location list: filter, sort, page. Driven by <c>flags</c> (hundreds of rows even with 100,000 ads) and,
/// for licensed venues, by the few locations that carry a venue name; advertiser and stay counts are per-row lookups on
/// the <c>stays(location_id, …)</c> index, so OFFSET paging stays cheap.
/// </summary>
public sealed class FlaggedLocationQuery(Database database)
{
    private const string Rows = """
        SELECT l.id AS location_id, f.id AS flag_id, p.label, p.precision, p.place_name, p.municipality_code, p.lat, p.lon, f.score, f.status, f.active,
               f.assigned_to, l.licensed_venue, l.first_seen_at, l.last_seen_at
        FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
        WHERE (f.active = TRUE OR @includeInactive = TRUE)
        UNION ALL
        SELECT l.id, NULL, p.label, p.precision, p.place_name, p.municipality_code, p.lat, p.lon, NULL, 'licensed', TRUE, NULL, l.licensed_venue, l.first_seen_at, l.last_seen_at
        FROM locations l JOIN places p ON p.id = l.place_id
        WHERE l.licensed_venue IS NOT NULL AND @includeLicensed = TRUE
          AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.location_id = l.id)
        """;

    // {0}: the access scope's condition on x.municipality_code.
    private const string Where = """
        WHERE ({0}) AND (@municipality IS NULL OR x.municipality_code = @municipality)
          AND (@status IS NULL OR x.status = @status)
          AND (@minScore IS NULL OR x.score >= @minScore)
          AND (@from IS NULL OR x.last_seen_at >= @from)
          AND (@to IS NULL OR x.first_seen_at <= @to)
        """;

    public async Task<FlaggedLocationPage> ListAsync(FlaggedLocationFilter filter, CancellationToken ct)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, FlaggedLocationFilter.MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var args = new DynamicParameters(new
        {
            municipality = string.IsNullOrWhiteSpace(filter.MunicipalityCode) ? null : filter.MunicipalityCode,
            status = string.IsNullOrWhiteSpace(filter.Status) ? null : filter.Status,
            minScore = filter.MinScore,
            from = filter.From?.ToUnixTimeMilliseconds(),
            to = filter.To?.ToUnixTimeMilliseconds(),
            includeLicensed = filter.IncludeLicensed || filter.Status == "licensed",
            includeInactive = filter.IncludeInactive,
            limit = pageSize,
            offset = (long)(page - 1) * pageSize,
        });
        args.Add(AccessScope.ParameterName, filter.Scope.Parameter);
        // The sort column is chosen from a closed enum, never from request text.
        var order = filter.Sort switch
        {
            FlaggedLocationSort.LastSeen => "x.last_seen_at DESC",
            FlaggedLocationSort.Advertisers => "advertisers DESC",
            _ => "COALESCE(x.score, -1) DESC",
        };
        await using var c = await database.OpenAsync(ct);
        var where = Where.Replace("{0}", filter.Scope.Sql(c, "x.municipality_code"), StringComparison.Ordinal);
        var total = await c.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ({Rows}) x {where}", args, cancellationToken: ct));
        var rows = await c.QueryAsync<Row>(new CommandDefinition($"""
            SELECT x.*,
                   (SELECT COUNT(DISTINCT s.advertiser_id) FROM stays s WHERE s.location_id = x.location_id) AS advertisers,
                   (SELECT COUNT(*) FROM stays s WHERE s.location_id = x.location_id) AS stays
            FROM ({Rows}) x {where}
            ORDER BY {order}, x.location_id
            LIMIT @limit OFFSET @offset
            """, args, cancellationToken: ct));
        return new FlaggedLocationPage([.. rows.Select(r => new FlaggedLocation(r.LocationId, r.FlagId, r.Label, r.MunicipalityCode, r.Lat, r.Lon,
            r.Score, r.Status, r.Active, r.AssignedTo, r.LicensedVenue, (int)r.Advertisers, (int)r.Stays, r.FirstSeenAt, r.LastSeenAt)
        {
            UnresolvedTown = r.Precision == "unresolved" ? r.PlaceName ?? "" : null,
        })],
            (int)total, page, pageSize);
    }

    private sealed record Row
    {
        public long LocationId { get; init; }
        public long? FlagId { get; init; }
        public string Label { get; init; } = "";
        public string Precision { get; init; } = "";
        public string? PlaceName { get; init; }
        public string? MunicipalityCode { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public double? Score { get; init; }
        public string Status { get; init; } = "";
        public bool Active { get; init; }
        public string? AssignedTo { get; init; }
        public string? LicensedVenue { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public DateTimeOffset LastSeenAt { get; init; }
        public long Advertisers { get; init; }
        public long Stays { get; init; }
    }
}
