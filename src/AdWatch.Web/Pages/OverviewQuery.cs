using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages;

/// <summary>
/// The overview page's numbers: flags per municipality and status, new flags, weekly activity, crawler health. Flags, new
/// flags and activity count only the municipalities of the user's <see cref="AccessScope"/> (crawler health is the same for all).
/// </summary>
public sealed class OverviewQuery
{
    public const int TrendWeeks = 26;
    public const int NewFlagLimit = 20;

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<Municipality> _municipalities;

    internal OverviewQuery(Database database, TimeProvider time, Gazetteer gazetteer)
    {
        _database = database;
        _time = time;
        _municipalities = [.. gazetteer.RegionCodes.Order(StringComparer.Ordinal)
            .Select(code => new Municipality(code, gazetteer.MunicipalityName(code) ?? code))];
    }

    /// <summary>Reads the overview; <paramref name="since"/> is the user's previous visit (null: first visit).</summary>
    public async Task<OverviewModel> GetAsync(DateTimeOffset? since, AccessScope scope, CancellationToken ct)
    {
        await using var connection = await _database.OpenAsync(ct);
        var inScope = scope.Sql(connection, "p.municipality_code");
        var scopeArgs = new DynamicParameters(new { since = since ?? default });
        scopeArgs.Add(AccessScope.ParameterName, scope.Parameter);
        var asOf = await connection.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT MAX(as_of) FROM analysis_runs", cancellationToken: ct));
        var counts = await connection.QueryAsync<FlagCount>(new CommandDefinition($"""
            SELECT p.municipality_code AS MunicipalityCode, f.status AS Status, COUNT(*) AS Count
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
            WHERE {inScope}
            GROUP BY p.municipality_code, f.status
            """, scopeArgs, cancellationToken: ct));
        // No "@since IS NULL" trick: PostgreSQL cannot type an untyped null parameter.
        var fresh = (await connection.QueryAsync<NewFlag>(new CommandDefinition($"""
            SELECT f.id AS FlagId, l.id AS LocationId, p.label AS Label, p.municipality_code AS MunicipalityCode,
                   f.score AS Score, f.status AS Status, f.first_flagged_at AS FirstFlaggedAt, f.reactivated_at AS ReactivatedAt
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
            WHERE {inScope} {(since is null ? "" : "AND COALESCE(f.reactivated_at, f.first_flagged_at) > @since")}
            ORDER BY COALESCE(f.reactivated_at, f.first_flagged_at) DESC, f.score DESC, f.id
            """, scopeArgs, cancellationToken: ct))).ToList();
        var crawlers = await connection.QueryAsync<CrawlerHealth>(new CommandDefinition("""
            SELECT s.id AS SiteId, s.name AS Site, r.status AS Status, r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.health_note AS HealthNote,
                   (SELECT MAX(c.finished_at) FROM crawl_runs c WHERE c.site_id = s.id AND c.status = 'completed') AS LastCompletedAt,
                   (SELECT COUNT(*) FROM crawl_runs x WHERE x.site_id = s.id AND x.status = 'failed' AND x.started_at >= @weekAgo) AS FailedLast7Days
            FROM sites s LEFT JOIN crawl_runs r ON r.id = (SELECT MAX(id) FROM crawl_runs WHERE site_id = s.id)
            ORDER BY s.name
            """, new { weekAgo = _time.GetUtcNow() - TimeSpan.FromDays(7) }, cancellationToken: ct));
        var municipalities = _municipalities.Where(m => scope.Allows(m.Code)).ToList();
        var trend = await TrendAsync(connection, asOf ?? _time.GetUtcNow(), municipalities, ct);
        return new OverviewModel
        {
            AsOf = asOf,
            Municipalities = municipalities,
            FlagCounts = [.. counts],
            NewFlags = [.. fresh.Take(NewFlagLimit)],
            NewFlagTotal = fresh.Count,
            Trend = trend,
            Crawlers = [.. crawlers],
        };
    }

    // Weeks end at the as-of moment, so the last bar is the last full week the analysis saw.
    private static async Task<ActivityTrend> TrendAsync(System.Data.Common.DbConnection connection, DateTimeOffset end,
        IReadOnlyList<Municipality> municipalities, CancellationToken ct)
    {
        var start = end - ActivityTrend.Week * TrendWeeks;
        var codes = municipalities.Select(m => m.Code).ToList();
        if (codes.Count == 0)
        {
            return new ActivityTrend(start, TrendWeeks, new Dictionary<string, int[]>(StringComparer.Ordinal));
        }
        var rows = await connection.QueryAsync<(string Code, long Week, long Ads)>(new CommandDefinition("""
            SELECT p.municipality_code, (o.observed_at - @start) / @weekMs AS week, COUNT(DISTINCT o.ad_id)
            FROM observations o
            JOIN ad_places ap ON ap.version_id = o.version_id
            JOIN places p ON p.id = ap.place_id
            WHERE o.observed_at >= @start AND o.observed_at < @end AND p.municipality_code IN @codes
            GROUP BY 1, 2
            """, new { start, end, weekMs = (long)ActivityTrend.Week.TotalMilliseconds, codes }, cancellationToken: ct));
        var series = codes.ToDictionary(c => c, _ => new int[TrendWeeks], StringComparer.Ordinal);
        foreach (var (code, week, ads) in rows)
        {
            if (series.TryGetValue(code, out var weeks) && week is >= 0 and < TrendWeeks)
            {
                weeks[week] = (int)ads;
            }
        }
        return new ActivityTrend(start, TrendWeeks, series);
    }
}
