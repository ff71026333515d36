using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Reads the <c>analyze --json</c> report from what is stored: active flags with their locations and review status, and the
/// touring list — the one builder of the report. Highest score first (place key on a tie); touring advertisers by their lowest ad id.
/// </summary>
internal static class StoredReport
{
    public static async Task<AnalysisReport> ReadAsync(DbConnection c, DateTimeOffset asOf, AnalysisOptions options,
        IReadOnlyList<string> region, CancellationToken ct)
    {
        var flags = await c.QueryAsync<ActiveFlag>(new CommandDefinition("""
            SELECT l.id AS location_id, p.key, p.label, p.precision, p.street, p.house_number, p.postcode, p.municipality_code, p.lat, p.lon,
                   f.score, f.advertiser_count, f.short_stay_count, l.first_seen_at, l.last_seen_at, f.status, f.reasons_json,
                   f.phones_json, f.ads_json
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
            WHERE f.active
            """, cancellationToken: ct));
        var locations = flags.OrderByDescending(f => f.Score).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => new ReportLocation(
            f.LocationId.ToString(CultureInfo.InvariantCulture), f.Label, EnumText.Parse<GeoPrecision>(f.Precision), f.Street, f.HouseNumber, f.Postcode, f.MunicipalityCode,
            f.Lat, f.Lon, f.Score, f.AdvertiserCount ?? 0, f.ShortStayCount ?? 0,
            AnalysisReport.Time(DateTimeOffset.FromUnixTimeMilliseconds(f.FirstSeenAt)),
            AnalysisReport.Time(DateTimeOffset.FromUnixTimeMilliseconds(f.LastSeenAt).AddDays(1).AddSeconds(-1)),
            f.Status,
            [.. FlagReasonJson.Deserialize(f.ReasonsJson).Select(r => new ReportReason(r.Code, r.Text(options.Language), ReportEvidence.From(r.Evidence)))],
            JsonSerializer.Deserialize<string[]>(f.PhonesJson ?? "[]") ?? [],
            [.. (JsonSerializer.Deserialize<long[]>(f.AdsJson ?? "[]") ?? []).Select(a => a.ToString(CultureInfo.InvariantCulture))])).ToList();

        var touring = (await c.QueryAsync<(long Id, string Key, string Label, string PhonesJson, string PlacesJson)>(new CommandDefinition("""
                SELECT a.id, a.key, a.label, t.phones_json, t.places_json FROM touring t JOIN advertisers a ON a.id = t.advertiser_id
                """, cancellationToken: ct)))
            .OrderBy(t => long.Parse(t.Key.AsSpan(1), CultureInfo.InvariantCulture))
            .Select(t => new ReportTouring(t.Label, JsonSerializer.Deserialize<string[]>(t.PhonesJson) ?? [],
                JsonSerializer.Deserialize<string[]>(t.PlacesJson) ?? [], t.Id.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return new AnalysisReport(AnalysisReport.Time(asOf), region, locations, touring);
    }

    private sealed class ActiveFlag
    {
        public long LocationId { get; init; }
        public string Key { get; init; } = "";
        public string Label { get; init; } = "";
        public string Precision { get; init; } = "";
        public string? Street { get; init; }
        public string? HouseNumber { get; init; }
        public string? Postcode { get; init; }
        public string? MunicipalityCode { get; init; }
        public double? Lat { get; init; }
        public double? Lon { get; init; }
        public double Score { get; init; }
        public int? AdvertiserCount { get; init; }
        public int? ShortStayCount { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public string Status { get; init; } = "";
        public string ReasonsJson { get; init; } = "";
        public string? PhonesJson { get; init; }
        public string? AdsJson { get; init; }
    }
}
