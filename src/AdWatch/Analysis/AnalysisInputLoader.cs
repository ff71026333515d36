using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Reads what crawling and extraction stored into an <see cref="AnalysisInput"/>. Observations are streamed and reduced at once to
/// distinct (version, UTC day) pairs, so a million observations cost a few megabytes, not a million objects.
/// </summary>
public sealed class AnalysisInputLoader(Database database)
{
    public async Task<AnalysisInput> LoadAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var versions = new Dictionary<long, VersionBuilder>();
        await foreach (var v in Stream<(long Id, long AdId, long? TextSimhash, string? AdvertiserName)>(connection,
                           "SELECT id, ad_id, text_simhash, advertiser_name FROM ad_versions", null, ct))
        {
            versions[v.Id] = new VersionBuilder(v.AdId, v.TextSimhash is { } h ? unchecked((ulong)h) : null, v.AdvertiserName);
        }

        await using (var command = connection.CreateCommand())
        {
            // "+observed_at" keeps SQLite off the time index: reading nearly every row, a plain scan is several times faster.
            command.CommandText = "SELECT version_id, observed_at FROM observations WHERE +observed_at <= @asOf";
            var p = command.CreateParameter();
            p.ParameterName = "asOf";
            p.Value = asOf.ToUnixTimeMilliseconds();
            command.Parameters.Add(p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            // Synchronous Read: a million rows through ReadAsync cost a state machine each, and SQLite reads synchronously anyway.
            var rows = 0;
            while (reader.Read())
            {
                if (++rows % 65_536 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                if (versions.TryGetValue(reader.GetInt64(0), out var v))
                {
                    v.AddDay(AnalysisDays.FromUnixMilliseconds(reader.GetInt64(1)));
                }
            }
        }

        var phones = new Dictionary<long, InputPhone>();
        await foreach (var p in Stream<(long Id, string E164, string Status)>(connection, "SELECT id, e164, status FROM phones", null, ct))
        {
            phones[p.Id] = new InputPhone(p.Id, p.E164, p.Status);
        }
        await foreach (var (versionId, phoneId) in Stream<(long, long)>(connection, "SELECT version_id, phone_id FROM ad_phones", null, ct))
        {
            versions.GetValueOrDefault(versionId)?.Phones.Add(phoneId);
        }
        var places = new Dictionary<long, InputPlace>();
        await foreach (var p in Stream<Geocoding.PlaceRow>(connection, "SELECT * FROM places", null, ct))
        {
            places[p.Id] = new InputPlace(p.Id, p.Key, p.Label, p.Place);
        }
        await foreach (var (versionId, placeId) in Stream<(long, long)>(connection, "SELECT version_id, place_id FROM ad_places", null, ct))
        {
            versions.GetValueOrDefault(versionId)?.Places.Add(placeId);
        }
        await foreach (var (versionId, hash) in Stream<(long, long)>(connection,
                           "SELECT version_id, phash FROM ad_images WHERE phash IS NOT NULL", null, ct))
        {
            versions.GetValueOrDefault(versionId)?.Images.Add(unchecked((ulong)hash));
        }
        await foreach (var (versionId, code) in Stream<(long, string)>(connection, "SELECT version_id, code FROM ad_indicators", null, ct))
        {
            versions.GetValueOrDefault(versionId)?.Indicators.Add(code);
        }

        var sites = new Dictionary<long, string>();
        await foreach (var (adId, site) in Stream<(long, string)>(connection, "SELECT a.id, s.name FROM ads a JOIN sites s ON s.id = a.site_id", null, ct))
        {
            sites[adId] = site;
        }

        var resolutions = new Dictionary<long, long>();
        await foreach (var (unresolved, placeId) in Stream<(long, long)>(connection,
                           "SELECT unresolved_place_id, place_id FROM location_resolutions", null, ct))
        {
            resolutions[unresolved] = placeId;
        }

        var ads = versions.Where(kv => kv.Value.HasDays)
            .GroupBy(kv => kv.Value.AdId)
            .OrderBy(g => g.Key)
            .Select(g => new InputAd(g.Key, [.. g.OrderBy(kv => kv.Key).Select(kv => kv.Value.Build(kv.Key))]) { Site = sites.GetValueOrDefault(g.Key) })
            .ToList();
        return new AnalysisInput(ads, phones, places) { Resolutions = resolutions };
    }

    private static System.Runtime.CompilerServices.ConfiguredCancelableAsyncEnumerable<T> Stream<T>(DbConnection connection, string sql,
        object? args, CancellationToken ct) =>
        connection.QueryUnbufferedAsync<T>(sql, args).WithCancellation(ct);

    private sealed class VersionBuilder(long adId, ulong? textHash, string? name)
    {
        private List<int>? _days;
        private int _last = int.MinValue;

        public long AdId { get; } = adId;
        public List<long> Phones { get; } = [];
        public List<long> Places { get; } = [];
        public List<ulong> Images { get; } = [];
        public List<string> Indicators { get; } = [];
        public bool HasDays => _days is not null;

        public void AddDay(int day)
        {
            // Observations arrive mostly in time order, so most repeats are caught here; Build sorts out the rest.
            if (day != _last)
            {
                (_days ??= []).Add(day);
                _last = day;
            }
        }

        public InputVersion Build(long id) => new(id, Ascending(_days!), Set(Phones), Set(Places), Set(Images), textHash, name,
            Indicators.Count == 0 ? [] : [.. Indicators.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);

        private static int[] Ascending(List<int> days)
        {
            for (var i = 1; i < days.Count; i++)
            {
                if (days[i] <= days[i - 1])
                {
                    return [.. days.Distinct().Order()];
                }
            }
            return [.. days]; // the usual case: a crawl observes in time order
        }

        private static T[] Set<T>(List<T> values) => values.Count switch
        {
            0 => [],
            1 => [values[0]],
            _ => [.. values.Distinct().Order()],
        };
    }
}
