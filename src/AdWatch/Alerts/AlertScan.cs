using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AdWatch.Review;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Alerts;

/// <summary>
/// Raises the alerts of what the stored analysis shows, once each (an alert's key is its event): a location flagged for the
/// first time, new activity at a flag that qualifies again, and each new ad at a watched location or with a watched phone.
/// Run after every analysis; running it again raises nothing new. Recipients: every enabled user for a flag (the
/// organisation filter narrows this to those who may see its municipality), and the watchers.
/// Each alert carries its evidence pack: the ads, every stored capture with its SHA-256, and the link that tied them here.
/// </summary>
public sealed class AlertScan(Database database, TimeProvider time)
{
    /// <summary>Raises what is new; returns the ids of the alerts raised by this scan.</summary>
    public async Task<IReadOnlyList<long>> ScanAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var now = time.GetUtcNow();
        var users = (await c.QueryAsync<string>(new CommandDefinition("SELECT name FROM users WHERE NOT disabled ORDER BY name",
            cancellationToken: ct))).ToList();
        var watches = (await c.QueryAsync<WatchRow>(new CommandDefinition(
            "SELECT id AS Id, user_name AS UserName, kind AS Kind, target AS Target, created_at AS CreatedAt FROM watches",
            cancellationToken: ct))).ToList();
        var known = (await c.QueryAsync<string>(new CommandDefinition("SELECT key FROM alerts", cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        var events = new List<Event>();

        var flags = await c.QueryAsync<FlagRow>(new CommandDefinition("""
            SELECT f.id AS Id, f.location_id AS LocationId, f.first_flagged_at AS FirstFlaggedAt, f.reactivated_at AS ReactivatedAt,
                   f.score AS Score, f.advertiser_count AS Advertisers, f.ads_json AS AdsJson, p.municipality_code AS MunicipalityCode, p.label AS Label,
                   l.place_id AS PlaceId
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id
            WHERE f.active ORDER BY f.id
            """, cancellationToken: ct));
        foreach (var f in flags)
        {
            var again = f.ReactivatedAt is { } at;
            var key = again ? $"flag:{f.Id}:again:{f.ReactivatedAt!.Value.ToUnixTimeMilliseconds()}" : $"flag:{f.Id}:first";
            if (known.Contains(key))
            {
                continue;
            }
            var since = again ? f.ReactivatedAt!.Value : f.FirstFlaggedAt;
            var watchers = watches.Where(w => w.Kind == "location" && w.Target == Id(f.LocationId)).Select(w => (w.UserName, "watch"));
            var score = f.Score.ToString("0.00", CultureInfo.InvariantCulture);
            var (nl, en) = again
                ? ($"Nieuwe activiteit: {f.Label} voldoet weer aan de regel ({f.Advertisers} adverteerders, score {score}, analyse per {since:yyyy-MM-dd}).",
                   $"New activity: {f.Label} qualifies again ({f.Advertisers} advertisers, score {score}, analysis as of {since:yyyy-MM-dd}).")
                : ($"Nieuwe markering: {f.Label} ({f.Advertisers} adverteerders, score {score}, analyse per {since:yyyy-MM-dd}).",
                   $"New flag: {f.Label} ({f.Advertisers} advertisers, score {score}, analysis as of {since:yyyy-MM-dd}).");
            // The ads behind the flag; a flag written before analysis stored them: the ads that name its address.
            var adIds = Ids(f.AdsJson);
            if (adIds.Length == 0)
            {
                adIds = [.. await c.QueryAsync<long>(new CommandDefinition("""
                    SELECT DISTINCT v.ad_id FROM ad_versions v JOIN ad_places ap ON ap.version_id = v.id WHERE ap.place_id = @PlaceId ORDER BY v.ad_id
                    """, new { f.PlaceId }, cancellationToken: ct))];
            }
            var evidence = await EvidenceAsync(c, adIds, "behind the flag (its reasons are in the dossier)", ct);
            events.Add(new Event(key, again ? AlertKinds.NewActivity : AlertKinds.NewFlag, f.LocationId, f.MunicipalityCode, nl, en, evidence,
                [.. users.Select(u => (u, "municipality")).Concat(watchers)]));
        }

        foreach (var w in watches)
        {
            var ads = w.Kind == "location"
                ? await c.QueryAsync<WatchedAd>(new CommandDefinition($"""
                    SELECT DISTINCT a.id AS AdId, p.municipality_code AS MunicipalityCode, p.label AS Label, l.id AS LocationId
                    FROM locations l JOIN places p ON p.id = l.place_id
                    JOIN ads a ON a.first_seen_at > @since AND (
                        a.id IN (SELECT v.ad_id FROM ad_versions v JOIN ad_places ap ON ap.version_id = v.id WHERE ap.place_id = l.place_id)
                        OR a.id IN (SELECT aa.ad_id FROM stays s JOIN advertiser_ads aa ON aa.advertiser_id = s.advertiser_id
                                    WHERE s.location_id = l.id AND a.first_seen_at <= s.end_at + 86400000 AND a.last_seen_at >= s.start_at))
                    WHERE l.id = @target
                    """, new { since = w.CreatedAt, target = long.TryParse(w.Target, CultureInfo.InvariantCulture, out var l) ? l : -1 }, cancellationToken: ct))
                : await c.QueryAsync<WatchedAd>(new CommandDefinition("""
                    SELECT DISTINCT a.id AS AdId, NULL AS MunicipalityCode, @target AS Label, NULL AS LocationId
                    FROM ads a JOIN ad_versions v ON v.ad_id = a.id JOIN ad_phones ap ON ap.version_id = v.id JOIN phones ph ON ph.id = ap.phone_id
                    WHERE ph.e164 = @target AND a.first_seen_at > @since
                    """, new { since = w.CreatedAt, target = w.Target }, cancellationToken: ct));
            foreach (var ad in ads.Where(a => !known.Contains($"watch:{w.Id}:ad:{a.AdId}")))
            {
                var link = w.Kind == "location" ? $"at watched location {ad.Label}" : $"carries watched phone {w.Target}";
                var evidence = await EvidenceAsync(c, [ad.AdId], link, ct);
                var (nl, en) = w.Kind == "location"
                    ? ($"Nieuwe advertentie op gevolgde locatie {ad.Label}.", $"New ad at watched location {ad.Label}.")
                    : ($"Nieuwe advertentie met gevolgd nummer {w.Target}.", $"New ad with watched phone {w.Target}.");
                events.Add(new Event($"watch:{w.Id}:ad:{ad.AdId}", AlertKinds.Watch, ad.LocationId, ad.MunicipalityCode, nl, en, evidence,
                    [(w.UserName, "watch")]));
            }
        }

        var raised = new List<long>();
        if (events.Count == 0)
        {
            return raised;
        }
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var e in events)
        {
            if (await AlertStore.RaiseAsync(c, tx, e.Key, e.Kind, e.LocationId, e.MunicipalityCode, e.Nl, e.En, e.Evidence, now, e.Recipients, ct) is { } id)
            {
                raised.Add(id);
            }
        }
        await tx.CommitAsync(ct);
        return raised;
    }

    private sealed record Event(string Key, string Kind, long? LocationId, string? MunicipalityCode, string Nl, string En, string Evidence,
        IReadOnlyList<(string User, string Reason)> Recipients);

    /// <summary>The evidence pack of some ads, as JSON: each ad with its captures and their SHA-256, and what tied it.</summary>
    private static async Task<string> EvidenceAsync(DbConnection c, IReadOnlyList<long> adIds, string link, CancellationToken ct)
    {
        var ads = await DossierAdReader.ReadAsync(c, adIds, ct);
        var pack = ads.Select(a => new AlertEvidence(a.AdId, a.Site, a.Url, a.FirstSeen,
            [.. a.Captures.Select(x => new AlertCapture(x.VersionId, x.FirstSeen, x.EvidenceSha256))], link));
        return JsonSerializer.Serialize(pack, JsonOptions);
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static long[] Ids(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<long[]>(json) ?? [];

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record FlagRow
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public DateTimeOffset FirstFlaggedAt { get; init; }
        public DateTimeOffset? ReactivatedAt { get; init; }
        public double Score { get; init; }
        public int? Advertisers { get; init; }
        public string? AdsJson { get; init; }
        public string? MunicipalityCode { get; init; }
        public string Label { get; init; } = "";
        public long PlaceId { get; init; }
    }

    private sealed record WatchRow
    {
        public long Id { get; init; }
        public string UserName { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Target { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed record WatchedAd
    {
        public long AdId { get; init; }
        public string? MunicipalityCode { get; init; }
        public string Label { get; init; } = "";
        public long? LocationId { get; init; }
    }
}
