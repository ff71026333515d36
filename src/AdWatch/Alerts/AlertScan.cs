using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using AdWatch.Review;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Alerts;

/// <summary>
/// Raises the alerts of what the stored analysis shows, once each (an alert's key is its event): a location flagged for the
/// first time, new activity at a flag that qualifies again, and each new ad at a watched location, with a watched phone or
/// naming a watched address (a house by its place key, watched before any ad named it, say from a tip).
/// A measure (dwangsom, bestuursdwang, closure) watches its location: every ad first seen there from the day it was imposed
/// until <see cref="AlertOptions.RelapseWatchDays"/> after it ended raises a relapse alert, dated, with its evidence pack and
/// the link that tied the ad to the house (its address, a phone the house's ads carried, or a stay analysis placed there by
/// phone, photo or template): the basis for establishing a forfeited dwangsom or executing bestuursdwang.
/// Run after every analysis; running it again raises nothing new. Recipients: every enabled user for a flag (the
/// organisation filter narrows this to those who may see its municipality), and the watchers.
/// Each alert carries its evidence pack: the ads, every stored capture with its SHA-256, and the link that tied them here.
/// </summary>
public sealed class AlertScan(Database database, TimeProvider time, Microsoft.Extensions.Options.IOptions<AlertOptions> options,
    AdWatch.Accounts.Organisations organisations)
{
    /// <summary>Raises what is new; returns the ids of the alerts raised by this scan.</summary>
    public async Task<IReadOnlyList<long>> ScanAsync(CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var now = time.GetUtcNow();
        // Each user with what their organisation may see: an alert reaches only those who may open its location.
        var scopes = (await c.QueryAsync<(string Name, string? Organisation)>(new CommandDefinition(
            "SELECT name, organisation FROM users WHERE NOT disabled ORDER BY name", cancellationToken: ct)))
            .ToDictionary(u => u.Name, u => organisations.ScopeOf(u.Organisation), StringComparer.Ordinal);
        IReadOnlyList<string> UsersFor(string? municipality) => [.. scopes.Where(s => s.Value.Allows(municipality)).Select(s => s.Key)];
        bool May(string user, string? municipality) => scopes.TryGetValue(user, out var s) && s.Allows(municipality);
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
            var watchers = watches.Where(w => w.Kind == "location" && w.Target == Id(f.LocationId) && May(w.UserName, f.MunicipalityCode))
                .Select(w => (w.UserName, "watch"));
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
                [.. UsersFor(f.MunicipalityCode).Select(u => (u, "municipality")).Concat(watchers)]));
        }

        foreach (var w in watches)
        {
            var ads = w.Kind == "address"
                ? await c.QueryAsync<WatchedAd>(new CommandDefinition("""
                    SELECT DISTINCT a.id AS AdId, p.municipality_code AS MunicipalityCode, p.label AS Label, l.id AS LocationId
                    FROM places p JOIN ad_places ap ON ap.place_id = p.id JOIN ad_versions v ON v.id = ap.version_id JOIN ads a ON a.id = v.ad_id
                    LEFT JOIN locations l ON l.place_id = p.id
                    WHERE p.key = @target AND a.first_seen_at > @since
                    """, new { since = w.CreatedAt, target = w.Target }, cancellationToken: ct))
                : w.Kind == "location"
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
                    SELECT DISTINCT a.id AS AdId,
                           (SELECT MIN(pl.municipality_code) FROM ad_versions av JOIN ad_places ap2 ON ap2.version_id = av.id JOIN places pl ON pl.id = ap2.place_id
                            WHERE av.ad_id = a.id) AS MunicipalityCode, @target AS Label, NULL AS LocationId
                    FROM ads a JOIN ad_versions v ON v.ad_id = a.id JOIN ad_phones ap ON ap.version_id = v.id JOIN phones ph ON ph.id = ap.phone_id
                    WHERE ph.e164 = @target AND a.first_seen_at > @since
                    """, new { since = w.CreatedAt, target = w.Target }, cancellationToken: ct));
            // A phone's ad outside the watcher's organisation (or placed nowhere, for a municipality's account) is not theirs to see.
            foreach (var ad in ads.Where(a => !known.Contains($"watch:{w.Id}:ad:{a.AdId}") && May(w.UserName, a.MunicipalityCode)))
            {
                var link = w.Kind switch
                {
                    "location" => $"at watched location {ad.Label}",
                    "address" => $"names watched address {ad.Label}",
                    _ => $"carries watched phone {w.Target}",
                };
                var evidence = await EvidenceAsync(c, [ad.AdId], link, ct);
                var (nl, en) = w.Kind switch
                {
                    "location" => ($"Nieuwe advertentie op gevolgde locatie {ad.Label}.", $"New ad at watched location {ad.Label}."),
                    "address" => ($"Nieuwe advertentie noemt gevolgd adres {ad.Label}.", $"New ad names watched address {ad.Label}."),
                    _ => ($"Nieuwe advertentie met gevolgd nummer {w.Target}.", $"New ad with watched phone {w.Target}."),
                };
                events.Add(new Event($"watch:{w.Id}:ad:{ad.AdId}", AlertKinds.Watch, ad.LocationId, ad.MunicipalityCode, nl, en, evidence,
                    [(w.UserName, "watch")]));
            }
        }

        events.AddRange(await RelapsesAsync(c, UsersFor, known, ct));

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

    /// <summary>New ads tied to a location under a measure, within the measure's watch window: one relapse alert per (measure, ad).</summary>
    private async Task<IEnumerable<Event>> RelapsesAsync(DbConnection c, Func<string?, IReadOnlyList<string>> usersFor, HashSet<string> known,
        CancellationToken ct)
    {
        var measures = await c.QueryAsync<MeasureRow>(new CommandDefinition("""
            SELECT m.id AS Id, m.location_id AS LocationId, m.legal_type AS LegalType, m.state AS State, m.starts_on AS StartsOn,
                   m.ends_on AS EndsOn, m.term_ends_on AS TermEndsOn, m.created_by AS CreatedBy, p.label AS Label, p.municipality_code AS MunicipalityCode,
                   (SELECT MIN(e.on_date) FROM measure_events e WHERE e.measure_id = m.id AND e.to_state = 'imposed') AS ImposedOn,
                   (SELECT MAX(e.on_date) FROM measure_events e WHERE e.measure_id = m.id AND e.to_state = 'lifted') AS LiftedOn
            FROM measures m JOIN locations l ON l.id = m.location_id JOIN places p ON p.id = l.place_id
            WHERE m.state <> 'intended' ORDER BY m.id
            """, cancellationToken: ct));
        var events = new List<Event>();
        foreach (var m in measures)
        {
            var from = Day(m.ImposedOn) ?? Day(m.StartsOn);
            if (from is null)
            {
                continue; // never imposed (recorded as already lifted, say): nothing to watch
            }
            var end = m.State == "lifted" ? Day(m.LiftedOn) : Day(m.EndsOn) ?? Day(m.TermEndsOn);
            var until = end?.AddDays(options.Value.RelapseWatchDays + 1);
            var ads = (await LocationAdsAsync(c, m.LocationId, Start(from.Value), until is { } u ? Start(u) : null, ct))
                .Where(a => !known.Contains($"measure:{m.Id}:ad:{a.AdId}")).ToList();
            foreach (var group in ads.GroupBy(a => a.AdId))
            {
                var links = string.Join(", ", group.Select(a => a.Link).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                var first = group.Min(a => a.FirstSeenAt);
                var evidence = await EvidenceAsync(c, [group.Key], $"tied to the house by {links}", ct);
                var type = m.LegalType.Replace('_', ' ');
                events.Add(new Event($"measure:{m.Id}:ad:{group.Key}", AlertKinds.Relapse, m.LocationId, m.MunicipalityCode,
                    $"Mogelijke herhaling: nieuwe advertentie op {m.Label} op {first:yyyy-MM-dd}, tijdens {type} (maatregel {m.Id}, {m.State} sinds {from:yyyy-MM-dd}); gekoppeld via {links}.",
                    $"Possible relapse: new ad at {m.Label} on {first:yyyy-MM-dd}, during {type} (measure {m.Id}, {m.State} since {from:yyyy-MM-dd}); tied by {links}.",
                    evidence, [.. usersFor(m.MunicipalityCode).Where(u => u == m.CreatedBy).Select(u => (u, "measure")),
                        .. usersFor(m.MunicipalityCode).Select(u => (u, "municipality"))]));
            }
        }
        return events;
    }

    /// <summary>
    /// The ads first seen in [from, until) tied to a location: naming its address (<c>address</c>), carrying a phone that an
    /// ad naming its address carried (<c>phone</c>), or of an advertiser analysis placed there, overlapping that stay (<c>stay</c>).
    /// </summary>
    private static async Task<IReadOnlyList<TiedAd>> LocationAdsAsync(DbConnection c, long locationId, DateTimeOffset from, DateTimeOffset? until,
        CancellationToken ct)
    {
        var window = until is null ? "a.first_seen_at >= @from" : "a.first_seen_at >= @from AND a.first_seen_at < @until";
        return [.. await c.QueryAsync<TiedAd>(new CommandDefinition($"""
            SELECT a.id AS AdId, a.first_seen_at AS FirstSeenAt, 'address' AS Link
            FROM ads a JOIN ad_versions v ON v.ad_id = a.id JOIN ad_places ap ON ap.version_id = v.id JOIN locations l ON l.place_id = ap.place_id
            WHERE l.id = @locationId AND {window}
            UNION
            SELECT a.id, a.first_seen_at, 'phone ' || ph.e164
            FROM ads a JOIN ad_versions v ON v.ad_id = a.id JOIN ad_phones aph ON aph.version_id = v.id JOIN phones ph ON ph.id = aph.phone_id
            WHERE {window} AND ph.status = 'ok' AND aph.phone_id IN (
                SELECT hp.phone_id FROM ad_phones hp JOIN ad_versions hv ON hv.id = hp.version_id JOIN ad_places hap ON hap.version_id = hv.id
                JOIN locations hl ON hl.place_id = hap.place_id WHERE hl.id = @locationId)
            UNION
            SELECT a.id, a.first_seen_at, 'stay (' || s.link_kind || ')'
            FROM stays s JOIN advertiser_ads aa ON aa.advertiser_id = s.advertiser_id JOIN ads a ON a.id = aa.ad_id
            WHERE s.location_id = @locationId AND {window} AND a.first_seen_at <= s.end_at + 86400000 AND a.last_seen_at >= s.start_at
            """, new { locationId, from, until }, cancellationToken: ct))];
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record MeasureRow
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public string LegalType { get; init; } = "";
        public string State { get; init; } = "";
        public string? StartsOn { get; init; }
        public string? EndsOn { get; init; }
        public string? TermEndsOn { get; init; }
        public string CreatedBy { get; init; } = "";
        public string Label { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public string? ImposedOn { get; init; }
        public string? LiftedOn { get; init; }
    }

    private sealed record TiedAd
    {
        public long AdId { get; init; }
        public DateTimeOffset FirstSeenAt { get; init; }
        public string Link { get; init; } = "";
    }

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
