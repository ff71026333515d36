using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Pages.Touring;

/// <summary>
/// Touring advertisers as the analysis stored them (table <c>touring</c>: the same list <c>adwatch analyze --json</c> prints), with
/// what the page shows about each: the towns its ads named and when, and the locations it stayed at. The rule itself
/// (<c>touringMinPlaces</c> towns within <c>touringTourDays</c>, one in the region) lives only in the analysis; the region is
/// <c>Region:MunicipalityCodes</c>, as the analysis reads it. A user whose organisation does not see the whole region gets
/// only the advertisers whose tour passed one of its municipalities, and of their locations only those in scope.
/// </summary>
public sealed class TouringQuery(Database database, IOptions<RegionOptions> regionOptions)
{
    public async Task<IReadOnlyList<TouringEntry>> ListAsync(AccessScope scope, CancellationToken ct)
    {
        var codes = regionOptions.Value.MunicipalityCodes;
        var region = (codes.Count > 0 ? codes : RegionOptions.VeluweWest).ToHashSet(StringComparer.Ordinal);
        await using var c = await database.OpenAsync(ct);
        var tours = (await c.QueryAsync<(long AdvertiserId, string PlacesJson)>(new CommandDefinition(
            "SELECT advertiser_id, places_json FROM touring", cancellationToken: ct)))
            .ToDictionary(t => t.AdvertiserId, t => (System.Text.Json.JsonSerializer.Deserialize<string[]>(t.PlacesJson) ?? []).ToHashSet(StringComparer.Ordinal));
        if (tours.Count == 0)
        {
            return [];
        }
        var rows = await c.QueryAsync<SpanData>(new CommandDefinition("""
            SELECT DISTINCT aa.advertiser_id, COALESCE(p.municipality_code, p.place_name, p.key) AS town,
                   COALESCE(p.place_name, p.label) AS label, p.municipality_code, p.in_region, a.first_seen_at, a.last_seen_at
            FROM touring t
            JOIN advertiser_ads aa ON aa.advertiser_id = t.advertiser_id
            JOIN ads a ON a.id = aa.ad_id
            JOIN ad_versions v ON v.ad_id = a.id
            JOIN ad_places ap ON ap.version_id = v.id
            JOIN places p ON p.id = ap.place_id
            """, cancellationToken: ct));
        // The towns of the tour (the analysis names them by label), with the days the advertiser's ads named them.
        var touring = rows.GroupBy(r => r.AdvertiserId)
            .Select(g => (Advertiser: g.Key, Tour: g.Where(s => tours[g.Key].Contains(s.Label)).ToList()))
            .Where(t => t.Tour.Count > 0 && (scope.IsRegionWide || t.Tour.Any(s => s.MunicipalityCode is { } m && scope.Allows(m))))
            .ToList();
        if (touring.Count == 0)
        {
            return [];
        }
        var ids = touring.Select(t => t.Advertiser).ToList();
        var labels = (await c.QueryAsync<(long Id, string Label)>(new CommandDefinition(
            $"SELECT id, label FROM advertisers WHERE {SqlIn.List(c, "id", "@ids")}", new { ids }, cancellationToken: ct))).ToDictionary(x => x.Id, x => x.Label);
        var phones = (await c.QueryAsync<(long AdvertiserId, string E164)>(new CommandDefinition($"""
            SELECT DISTINCT aa.advertiser_id, ph.e164 FROM advertiser_ads aa JOIN ad_versions v ON v.ad_id = aa.ad_id
            JOIN ad_phones ap ON ap.version_id = v.id JOIN phones ph ON ph.id = ap.phone_id
            WHERE {SqlIn.List(c, "aa.advertiser_id", "@ids")} AND ph.status = 'ok' ORDER BY ph.e164
            """, new { ids }, cancellationToken: ct))).ToLookup(x => x.AdvertiserId, x => x.E164);
        var args = new DynamicParameters(new { ids });
        args.Add(AccessScope.ParameterName, scope.Parameter);
        var locations = (await c.QueryAsync<(long AdvertiserId, long LocationId)>(new CommandDefinition($"""
            SELECT DISTINCT s.advertiser_id, s.location_id FROM stays s JOIN locations l ON l.id = s.location_id JOIN places p ON p.id = l.place_id
            WHERE {SqlIn.List(c, "s.advertiser_id", "@ids")} AND {scope.Sql(c, "p.municipality_code")} ORDER BY s.location_id
            """, args, cancellationToken: ct)))
            .ToLookup(x => x.AdvertiserId, x => x.LocationId);
        return [.. touring.Select(t => new TouringEntry(t.Advertiser, labels.GetValueOrDefault(t.Advertiser) ?? "?", [.. phones[t.Advertiser]],
                [.. t.Tour.GroupBy(s => s.Town).Select(g => new TouringTown(g.First().Label,
                    g.First().MunicipalityCode is { } m ? region.Contains(m) : g.First().InRegion,
                    DateTimeOffset.FromUnixTimeMilliseconds(g.Min(s => s.FirstSeenAt)), DateTimeOffset.FromUnixTimeMilliseconds(g.Max(s => s.LastSeenAt))))
                    .OrderBy(x => x.From)],
                [.. locations[t.Advertiser]]))
            .OrderByDescending(e => e.Towns.Max(x => x.To)).ThenBy(e => e.Label, StringComparer.Ordinal)];
    }

    private sealed record SpanData
    {
        public long AdvertiserId { get; init; }
        public string Town { get; init; } = "";
        public string Label { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public bool InRegion { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
    }
}
