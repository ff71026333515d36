using AdWatch.Analysis;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AdWatch.Touring;

/// <summary>
/// Touring advertisers read from the stored analysis: the same rule as the analysis (<c>touringMinPlaces</c> towns within
/// <c>touringTourDays</c>, one in the region, from <c>config/analysis.yaml</c>) over the towns each advertiser's ads named.
/// A town is a municipality, or a place name outside known municipalities, as in the analysis.
/// </summary>
public sealed class TouringQuery(Database database, IOptions<AnalysisFileOptions> files)
{
    private const long DayMs = 86_400_000;

    public async Task<IReadOnlyList<TouringEntry>> ListAsync(CancellationToken ct)
    {
        var options = File.Exists(files.Value.RulesFile) ? AnalysisOptionsLoader.Load(files.Value.RulesFile) : new AnalysisOptions();
        var region = options.Region.ToHashSet(StringComparer.Ordinal);
        await using var c = await database.OpenAsync(ct);
        var rows = await c.QueryAsync<SpanData>(new CommandDefinition("""
            SELECT DISTINCT aa.advertiser_id, COALESCE(p.municipality_code, p.place_name, p.key) AS town,
                   COALESCE(p.place_name, p.label) AS label, p.municipality_code, p.in_region, a.first_seen_at, a.last_seen_at
            FROM advertiser_ads aa
            JOIN ads a ON a.id = aa.ad_id
            JOIN ad_versions v ON v.ad_id = a.id
            JOIN ad_places ap ON ap.version_id = v.id
            JOIN places p ON p.id = ap.place_id
            """, cancellationToken: ct));
        var touring = new List<(long Advertiser, List<SpanData> Tour)>();
        foreach (var group in rows.GroupBy(r => r.AdvertiserId))
        {
            var spans = group.OrderBy(s => s.FirstSeenAt).ToList();
            if (spans.Select(s => s.Town).Distinct().Count() < options.TouringMinPlaces)
            {
                continue;
            }
            // A window overlapping k towns' spans also does when it starts at the earliest end among them.
            foreach (var end in spans.Select(s => s.LastSeenAt / DayMs).Distinct().Order())
            {
                var windowEnd = end + options.TouringTourDays - 1;
                var hits = spans.Where(s => s.FirstSeenAt / DayMs <= windowEnd && end <= s.LastSeenAt / DayMs).ToList();
                if (hits.Select(s => s.Town).Distinct().Count() >= options.TouringMinPlaces
                    && hits.Any(s => s.MunicipalityCode is { } m ? region.Contains(m) : s.InRegion))
                {
                    touring.Add((group.Key, hits));
                    break;
                }
            }
        }
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
        var locations = (await c.QueryAsync<(long AdvertiserId, long LocationId)>(new CommandDefinition(
            $"SELECT DISTINCT advertiser_id, location_id FROM stays WHERE {SqlIn.List(c, "advertiser_id", "@ids")} ORDER BY location_id", new { ids }, cancellationToken: ct)))
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
