using System.Data.Common;
using System.Text.Json;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Persists an <see cref="AnalysisResult"/> in one transaction, writing only rows that differ from what is stored: re-running
/// on unchanged input writes nothing. Flags are never deleted and keep their review status, assignee and first-flagged time; a
/// location that stops qualifying keeps its flag row, marked inactive (<c>active = FALSE</c>, <c>cleared_at</c> set) with the
/// current score and reasons, and becomes active again with the same review status if it qualifies again.
/// </summary>
public sealed class AnalysisWriter(Database database)
{
    public async Task<WrittenAnalysis> WriteAsync(AnalysisResult result, DateTimeOffset computedAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var w = new Tally();
        var asOf = result.AsOf.ToUnixTimeMilliseconds();
        result = await UnresolvedPlacesAsync(connection, tx, result, computedAt, w, ct);

        var links = (await connection.QueryAsync<LinkData>(new CommandDefinition(
            "SELECT advertiser_id, ad_id, link_kind, confidence FROM advertiser_ads", transaction: tx, cancellationToken: ct))).ToList();
        var operatorIds = await OperatorsAsync(connection, tx, result, computedAt, w, ct);
        var advertiserIds = await AdvertisersAsync(connection, tx, result, operatorIds, w, ct);
        var locationIds = await LocationsAsync(connection, tx, result, w, ct);
        await StaysAsync(connection, tx, result, advertiserIds, locationIds, w, ct);
        await AdvertiserAdsAsync(connection, tx, result, advertiserIds, links, w, ct);

        // Only now nothing refers to vanished advertisers, operators and unflagged locations any more. A location with a
        // control, a measure or an alert stays, though no ad names it now: what was recorded there is the municipality's.
        var liveKeys = result.Advertisers.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var gone = advertiserIds.Where(kv => !liveKeys.Contains(kv.Key)).Select(kv => kv.Value).ToHashSet();
        await TouringAsync(connection, tx, result, advertiserIds, w, ct);
        w.Deleted += await connection.ExecuteAsync(new CommandDefinition("DELETE FROM advertisers WHERE id = @id",
            gone.Select(id => new { id }), tx, cancellationToken: ct));
        w.Deleted += await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM operators WHERE NOT EXISTS (SELECT 1 FROM advertisers a WHERE a.operator_id = operators.id) AND id = @id
            """, operatorIds.Where(kv => !result.Operators.Any(o => o.PhoneId == kv.Key)).Select(kv => new { id = kv.Value }), tx,
            cancellationToken: ct));
        var livePlaces = result.Locations.Select(l => l.Place.Id).ToHashSet();
        w.Deleted += await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM locations WHERE id = @id AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.location_id = locations.id)
              AND NOT EXISTS (SELECT 1 FROM controls c WHERE c.location_id = locations.id)
              AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.location_id = locations.id)
              AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.location_id = locations.id)
            """, locationIds.Where(kv => !livePlaces.Contains(kv.Key)).Select(kv => new { id = kv.Value }), tx,
            cancellationToken: ct));

        var flags = await FlagsAsync(connection, tx, result, locationIds, asOf, computedAt.ToUnixTimeMilliseconds(), w, ct);
        await MergedFlagsAsync(connection, tx, result, w, ct);
        await tx.CommitAsync(ct);
        return new WrittenAnalysis(flags, new WriteStats(w.Inserted, w.Updated, w.Deleted));
    }

    private static async Task<Dictionary<long, long>> OperatorsAsync(DbConnection c, DbTransaction tx, AnalysisResult result,
        DateTimeOffset at, Tally w, CancellationToken ct)
    {
        var existing = await PhoneOperatorsAsync(c, tx, ct);
        var missing = result.Operators.Where(o => !existing.ContainsKey(o.PhoneId)).ToList();
        w.Inserted += await c.ExecuteAsync(new CommandDefinition("INSERT INTO operators (phone_id, created_at) VALUES (@PhoneId, @at)",
            missing.Select(o => new { o.PhoneId, at = at.ToUnixTimeMilliseconds() }), tx, cancellationToken: ct));
        return missing.Count == 0 ? existing : await PhoneOperatorsAsync(c, tx, ct);
    }

    private static async Task<Dictionary<long, long>> PhoneOperatorsAsync(DbConnection c, DbTransaction tx, CancellationToken ct) =>
        (await c.QueryAsync<(long Id, long PhoneId)>(new CommandDefinition("SELECT id, phone_id FROM operators", transaction: tx,
            cancellationToken: ct))).ToDictionary(r => r.PhoneId, r => r.Id);

    private static async Task<Dictionary<string, long>> AdvertisersAsync(DbConnection c, DbTransaction tx, AnalysisResult result,
        Dictionary<long, long> operatorIds, Tally w, CancellationToken ct)
    {
        var existing = (await c.QueryAsync<AdvertiserData>(new CommandDefinition(
            "SELECT id, key, label, operator_id, first_seen_at, last_seen_at, operator_only, identity_json FROM advertisers", transaction: tx,
            cancellationToken: ct)))
            .ToDictionary(a => a.Key, StringComparer.Ordinal);
        var insert = new List<object>();
        var update = new List<object>();
        foreach (var a in result.Advertisers)
        {
            var row = new
            {
                a.Key, a.Label,
                OperatorId = a.OperatorPhoneId is { } p ? operatorIds[p] : (long?)null,
                First = Ms(a.FirstDay), Last = Ms(a.LastDay),
                a.OperatorOnly,
                Identity = a.Identity.Count == 0 ? null : FlagReasonJson.Serialize(a.Identity),
            };
            if (!existing.TryGetValue(a.Key, out var old))
            {
                insert.Add(row);
            }
            else if (old.Label != row.Label || old.OperatorId != row.OperatorId || old.FirstSeenAt != row.First || old.LastSeenAt != row.Last
                     || old.OperatorOnly != row.OperatorOnly || old.IdentityJson != row.Identity)
            {
                update.Add(row);
            }
        }
        w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO advertisers (key, label, operator_id, first_seen_at, last_seen_at, operator_only, identity_json)
            VALUES (@Key, @Label, @OperatorId, @First, @Last, @OperatorOnly, @Identity)
            """, insert, tx, cancellationToken: ct));
        w.Updated += await c.ExecuteAsync(new CommandDefinition("""
            UPDATE advertisers SET label = @Label, operator_id = @OperatorId, first_seen_at = @First, last_seen_at = @Last,
                operator_only = @OperatorOnly, identity_json = @Identity WHERE key = @Key
            """, update, tx, cancellationToken: ct));
        return insert.Count == 0 ? existing.ToDictionary(kv => kv.Key, kv => kv.Value.Id, StringComparer.Ordinal)
            : (await c.QueryAsync<(long Id, string Key)>(new CommandDefinition("SELECT id, key FROM advertisers", transaction: tx,
                cancellationToken: ct))).ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);
    }

    private static async Task<Dictionary<long, long>> LocationsAsync(DbConnection c, DbTransaction tx, AnalysisResult result,
        Tally w, CancellationToken ct)
    {
        var existing = (await c.QueryAsync<LocationData>(new CommandDefinition(
            "SELECT id, place_id, licensed_venue, first_seen_at, last_seen_at, identity_json FROM locations", transaction: tx, cancellationToken: ct)))
            .ToDictionary(l => l.PlaceId);
        var insert = new List<object>();
        var update = new List<object>();
        foreach (var l in result.Locations)
        {
            var row = new { PlaceId = l.Place.Id, l.LicensedVenue, First = Ms(l.FirstDay), Last = Ms(l.LastDay),
                Identity = l.Joins.Count == 0 ? null : JsonSerializer.Serialize(l.Joins) };
            if (!existing.TryGetValue(l.Place.Id, out var old))
            {
                insert.Add(row);
            }
            else if (old.LicensedVenue != row.LicensedVenue || old.FirstSeenAt != row.First || old.LastSeenAt != row.Last
                     || old.IdentityJson != row.Identity)
            {
                update.Add(row);
            }
        }
        w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO locations (place_id, licensed_venue, first_seen_at, last_seen_at, identity_json)
            VALUES (@PlaceId, @LicensedVenue, @First, @Last, @Identity)
            """, insert, tx, cancellationToken: ct));
        w.Updated += await c.ExecuteAsync(new CommandDefinition("""
            UPDATE locations SET licensed_venue = @LicensedVenue, first_seen_at = @First, last_seen_at = @Last, identity_json = @Identity
            WHERE place_id = @PlaceId
            """, update, tx, cancellationToken: ct));
        return insert.Count == 0 ? existing.ToDictionary(kv => kv.Key, kv => kv.Value.Id)
            : (await c.QueryAsync<(long Id, long PlaceId)>(new CommandDefinition("SELECT id, place_id FROM locations", transaction: tx,
                cancellationToken: ct))).ToDictionary(r => r.PlaceId, r => r.Id);
    }

    private static async Task StaysAsync(DbConnection c, DbTransaction tx, AnalysisResult result, Dictionary<string, long> advertiserIds,
        Dictionary<long, long> locationIds, Tally w, CancellationToken ct)
    {
        var existing = (await c.QueryAsync<StayData>(new CommandDefinition(
            "SELECT id, location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence FROM stays", transaction: tx,
            cancellationToken: ct))).ToDictionary(s => (s.LocationId, s.AdvertiserId, s.StartAt));
        var desired = result.Locations.SelectMany(l => l.Stays.Select(s => new StayData
        {
            LocationId = locationIds[l.Place.Id], AdvertiserId = advertiserIds[s.AdvertiserKey], StartAt = Ms(s.StartDay), EndAt = Ms(s.EndDay),
            AdCount = s.AdIds.Count, LinkKind = s.LinkKind, Confidence = s.Confidence,
        })).ToDictionary(s => (s.LocationId, s.AdvertiserId, s.StartAt));
        w.Deleted += await c.ExecuteAsync(new CommandDefinition("DELETE FROM stays WHERE id = @Id",
            existing.Where(kv => !desired.ContainsKey(kv.Key)).Select(kv => kv.Value), tx, cancellationToken: ct));
        w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stays (location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence)
            VALUES (@LocationId, @AdvertiserId, @StartAt, @EndAt, @AdCount, @LinkKind, @Confidence)
            """, desired.Where(kv => !existing.ContainsKey(kv.Key)).Select(kv => kv.Value), tx, cancellationToken: ct));
        w.Updated += await c.ExecuteAsync(new CommandDefinition("""
            UPDATE stays SET end_at = @EndAt, ad_count = @AdCount, link_kind = @LinkKind, confidence = @Confidence WHERE id = @Id
            """, desired.Where(kv => existing.TryGetValue(kv.Key, out var old) && !old.SameAs(kv.Value))
                .Select(kv => kv.Value with { Id = existing[kv.Key].Id }), tx, cancellationToken: ct));
    }

    private static async Task AdvertiserAdsAsync(DbConnection c, DbTransaction tx, AnalysisResult result, Dictionary<string, long> advertiserIds,
        List<LinkData> stored, Tally w, CancellationToken ct)
    {
        var existing = stored.ToDictionary(r => (r.AdvertiserId, r.AdId), r => (r.LinkKind, r.Confidence));
        var desired = result.Advertisers.SelectMany(a => a.Ads.Select(l => (Key: (advertiserIds[a.Key], l.AdId), Value: (l.Kind, l.Confidence))))
            .ToDictionary(x => x.Key, x => x.Value);
        w.Deleted += await c.ExecuteAsync(new CommandDefinition("DELETE FROM advertiser_ads WHERE advertiser_id = @Item1 AND ad_id = @Item2",
            existing.Keys.Where(k => !desired.ContainsKey(k)).Select(k => new { k.Item1, k.Item2 }), tx, cancellationToken: ct));
        w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO advertiser_ads (advertiser_id, ad_id, link_kind, confidence) VALUES (@AdvertiserId, @AdId, @Kind, @Confidence)
            """, desired.Where(kv => !existing.ContainsKey(kv.Key))
                .Select(kv => new { AdvertiserId = kv.Key.Item1, AdId = kv.Key.Item2, kv.Value.Kind, kv.Value.Confidence }), tx, cancellationToken: ct));
        w.Updated += await c.ExecuteAsync(new CommandDefinition("""
            UPDATE advertiser_ads SET link_kind = @Kind, confidence = @Confidence WHERE advertiser_id = @AdvertiserId AND ad_id = @AdId
            """, desired.Where(kv => existing.TryGetValue(kv.Key, out var old) && old != kv.Value)
                .Select(kv => new { AdvertiserId = kv.Key.Item1, AdId = kv.Key.Item2, kv.Value.Kind, kv.Value.Confidence }), tx, cancellationToken: ct));
    }

    private static async Task<Dictionary<long, FlagState>> FlagsAsync(DbConnection c, DbTransaction tx, AnalysisResult result,
        Dictionary<long, long> locationIds, long asOf, long computedAt, Tally w, CancellationToken ct)
    {
        var existing = (await c.QueryAsync<FlagData>(new CommandDefinition(
            "SELECT id, location_id, score, reasons_json, status, active, first_flagged_at, advertiser_count, short_stay_count, phones_json, ads_json FROM flags",
            transaction: tx, cancellationToken: ct))).ToDictionary(f => f.LocationId);
        var byLocation = result.Locations.Where(l => locationIds.ContainsKey(l.Place.Id))
            .ToDictionary(l => locationIds[l.Place.Id]);
        foreach (var (locationId, location) in byLocation)
        {
            if (location.Flag is not { Qualifies: true } flag)
            {
                continue;
            }
            var row = FlagRowOf(flag);
            if (!existing.TryGetValue(locationId, out var old))
            {
                w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of, active,
                                       advertiser_count, short_stay_count, phones_json, ads_json)
                    VALUES (@locationId, @Score, 'new', @Reasons, @asOf, @computedAt, @asOf, TRUE, @Advertisers, @ShortStays, @Phones, @Ads)
                    """, new { locationId, row.Score, row.Reasons, asOf, computedAt, row.Advertisers, row.ShortStays, row.Phones, row.Ads }, tx,
                    cancellationToken: ct));
            }
            else if (!old.Active)
            {
                // Qualifies again: new activity. A decision already taken (closed, dismissed) is reopened for review.
                var reopen = old.Status is "closed" or "dismissed";
                w.Updated += await c.ExecuteAsync(new CommandDefinition($"""
                    UPDATE flags SET score = @Score, reasons_json = @Reasons, as_of = @asOf, computed_at = @computedAt, active = TRUE,
                        cleared_at = NULL, reactivated_at = @asOf, advertiser_count = @Advertisers, short_stay_count = @ShortStays,
                        phones_json = @Phones, ads_json = @Ads{(reopen ? ", status = 'new', assigned_to = NULL" : "")}
                    WHERE id = @Id
                    """, new { old.Id, row.Score, row.Reasons, asOf, computedAt, row.Advertisers, row.ShortStays, row.Phones, row.Ads }, tx,
                    cancellationToken: ct));
                if (reopen)
                {
                    var note = $"Nieuwe activiteit: de locatie voldoet weer aan de regel (analyse per {DateTimeOffset.FromUnixTimeMilliseconds(asOf):yyyy-MM-dd}). " +
                               $"New activity: the location qualifies again (analysis as of {DateTimeOffset.FromUnixTimeMilliseconds(asOf):yyyy-MM-dd}).";
                    w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO reviews (flag_id, actor, from_status, to_status, note, at) VALUES (@Id, @actor, @from, 'new', @note, @computedAt)
                        """, new { old.Id, actor = SystemActor, from = old.Status, note, computedAt }, tx, cancellationToken: ct));
                    w.Inserted += await c.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO audit_log (at, actor, action, target_kind, target_id, detail)
                        VALUES (@computedAt, @actor, 'flag_reopened', 'flag', @target, @detail)
                        """, new { computedAt, actor = SystemActor, target = old.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            detail = $"{old.Status} -> new: new activity" }, tx, cancellationToken: ct));
                }
            }
            else if (!old.Same(row))
            {
                w.Updated += await c.ExecuteAsync(new CommandDefinition("""
                    UPDATE flags SET score = @Score, reasons_json = @Reasons, as_of = @asOf, computed_at = @computedAt, active = TRUE,
                        cleared_at = NULL, advertiser_count = @Advertisers, short_stay_count = @ShortStays, phones_json = @Phones, ads_json = @Ads
                    WHERE id = @Id
                    """, new { old.Id, row.Score, row.Reasons, asOf, computedAt, row.Advertisers, row.ShortStays, row.Phones, row.Ads }, tx,
                    cancellationToken: ct));
            }
        }
        foreach (var old in existing.Values.Where(f => f.Active && byLocation.GetValueOrDefault(f.LocationId)?.Flag is not { Qualifies: true }))
        {
            var row = byLocation.GetValueOrDefault(old.LocationId)?.Flag is { } current ? FlagRowOf(current) : FlagRowOf(null);
            // ads_json keeps the evidence of the last qualifying window: retention holds it for AdDays after the flag cleared.
            w.Updated += await c.ExecuteAsync(new CommandDefinition("""
                UPDATE flags SET score = @Score, reasons_json = @Reasons, as_of = @asOf, computed_at = @computedAt, active = FALSE,
                    cleared_at = @asOf, advertiser_count = @Advertisers, short_stay_count = @ShortStays, phones_json = @Phones
                WHERE id = @Id
                """, new { old.Id, row.Score, row.Reasons, asOf, computedAt, row.Advertisers, row.ShortStays, row.Phones }, tx,
                cancellationToken: ct));
        }
        return (await c.QueryAsync<FlagData>(new CommandDefinition(
                "SELECT id, location_id, score, reasons_json, status, active, first_flagged_at FROM flags", transaction: tx, cancellationToken: ct)))
            .ToDictionary(f => f.LocationId, f => new FlagState(f.Id, f.Status, f.Active, DateTimeOffset.FromUnixTimeMilliseconds(f.FirstFlaggedAt)));
    }

    /// <summary>
    /// Stores the unresolved places this run inferred for the first time (negative ids in the result) and returns the result with
    /// their row ids; a place already stored keeps its row, so its location, flag and review status stay the same across runs.
    /// </summary>
    private static async Task<AnalysisResult> UnresolvedPlacesAsync(DbConnection c, DbTransaction tx, AnalysisResult result, DateTimeOffset at,
        Tally w, CancellationToken ct)
    {
        var fresh = result.Locations.Where(l => l.Place.Id < 0).ToList();
        if (fresh.Count == 0)
        {
            return result;
        }
        var ids = new Dictionary<long, long>();
        foreach (var l in fresh)
        {
            var p = l.Place;
            ids[p.Id] = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO places (key, label, precision, place_name, municipality_code, in_region, source, geocoded_at)
                VALUES (@Key, @Label, @Precision, @Town, @MunicipalityCode, @InRegion, 'analysis', @At)
                ON CONFLICT (key) DO UPDATE SET label = excluded.label
                RETURNING id
                """, new { p.Key, p.Label, Precision = EnumText.ToText(p.Place.Precision), p.Place.Town, p.Place.MunicipalityCode,
                    p.Place.InRegion, At = at.ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
            w.Inserted++;
        }
        return result with
        {
            Locations = [.. result.Locations.Select(l => l.Place.Id < 0 ? l with { Place = l.Place with { Id = ids[l.Place.Id] } } : l)],
        };
    }

    /// <summary>An unresolved location's flag points to the flag of the location its evidence joined; cleared when it no longer does.</summary>
    private static async Task MergedFlagsAsync(DbConnection c, DbTransaction tx, AnalysisResult result, Tally w, CancellationToken ct)
    {
        var flagByPlace = (await c.QueryAsync<(long PlaceId, long FlagId, long? MergedInto)>(new CommandDefinition("""
            SELECT l.place_id, f.id, f.merged_into_flag_id FROM flags f JOIN locations l ON l.id = f.location_id
            """, transaction: tx, cancellationToken: ct))).ToList();
        var byPlace = flagByPlace.ToDictionary(f => f.PlaceId);
        var desired = new Dictionary<long, long?>();
        foreach (var (from, to) in result.Merged)
        {
            if (byPlace.TryGetValue(from, out var flag))
            {
                desired[flag.FlagId] = byPlace.TryGetValue(to, out var target) ? target.FlagId : null;
            }
        }
        var changes = flagByPlace.Select(f => (f.FlagId, f.MergedInto, Desired: desired.GetValueOrDefault(f.FlagId)))
            .Where(f => f.MergedInto != f.Desired).Select(f => new { Id = f.FlagId, Into = f.Desired }).ToList();
        w.Updated += await c.ExecuteAsync(new CommandDefinition("UPDATE flags SET merged_into_flag_id = @Into WHERE id = @Id", changes, tx,
            cancellationToken: ct));
    }

    private static FlagValues FlagRowOf(ResultFlag? flag) => new(flag?.Score ?? 0, FlagReasonJson.Serialize(flag?.Reasons ?? []),
        flag?.Advertisers ?? 0, flag?.ShortStays ?? 0, JsonSerializer.Serialize(flag?.Phones ?? []), JsonSerializer.Serialize(flag?.AdIds ?? []));

    /// <summary>The touring entries: replaced by the result's.</summary>
    private static async Task TouringAsync(DbConnection c, DbTransaction tx, AnalysisResult result, Dictionary<string, long> advertiserIds,
        Tally w, CancellationToken ct)
    {
        var existing = (await c.QueryAsync<(long AdvertiserId, string PhonesJson, string PlacesJson)>(new CommandDefinition(
            "SELECT advertiser_id, phones_json, places_json FROM touring", transaction: tx, cancellationToken: ct)))
            .ToDictionary(t => t.AdvertiserId, t => (t.PhonesJson, t.PlacesJson));
        var desired = result.Touring.ToDictionary(t => advertiserIds[t.AdvertiserKey],
            t => (PhonesJson: JsonSerializer.Serialize(t.Phones), PlacesJson: JsonSerializer.Serialize(t.Places)));
        w.Deleted += await c.ExecuteAsync(new CommandDefinition("DELETE FROM touring WHERE advertiser_id = @id",
            existing.Keys.Where(id => !desired.ContainsKey(id)).Select(id => new { id }), tx, cancellationToken: ct));
        w.Inserted += await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO touring (advertiser_id, phones_json, places_json) VALUES (@id, @PhonesJson, @PlacesJson)",
            desired.Where(kv => !existing.ContainsKey(kv.Key)).Select(kv => new { id = kv.Key, kv.Value.PhonesJson, kv.Value.PlacesJson }), tx,
            cancellationToken: ct));
        w.Updated += await c.ExecuteAsync(new CommandDefinition(
            "UPDATE touring SET phones_json = @PhonesJson, places_json = @PlacesJson WHERE advertiser_id = @id",
            desired.Where(kv => existing.TryGetValue(kv.Key, out var old) && old != kv.Value)
                .Select(kv => new { id = kv.Key, kv.Value.PhonesJson, kv.Value.PlacesJson }), tx, cancellationToken: ct));
    }

    private sealed record FlagValues(double Score, string Reasons, int Advertisers, int ShortStays, string Phones, string Ads);

    private static long Ms(int day) => AnalysisDays.Start(day).ToUnixTimeMilliseconds();

    private sealed class Tally
    {
        public int Inserted { get; set; }
        public int Updated { get; set; }
        public int Deleted { get; set; }
    }

    private sealed class AdvertiserData
    {
        public long Id { get; init; }
        public string Key { get; init; } = "";
        public string Label { get; init; } = "";
        public long? OperatorId { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public bool OperatorOnly { get; init; }
        public string? IdentityJson { get; init; }
    }

    private sealed class LinkData
    {
        public long AdvertiserId { get; init; }
        public long AdId { get; init; }
        public string LinkKind { get; init; } = "";
        public double Confidence { get; init; }
    }

    private sealed class LocationData
    {
        public long Id { get; init; }
        public long PlaceId { get; init; }
        public string? LicensedVenue { get; init; }
        public long FirstSeenAt { get; init; }
        public long LastSeenAt { get; init; }
        public string? IdentityJson { get; init; }
    }

    private sealed record StayData
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public long AdvertiserId { get; init; }
        public long StartAt { get; init; }
        public long EndAt { get; init; }
        public int AdCount { get; init; }
        public string LinkKind { get; init; } = "";
        public double Confidence { get; init; }

        public bool SameAs(StayData other) =>
            EndAt == other.EndAt && AdCount == other.AdCount && LinkKind == other.LinkKind && Confidence == other.Confidence;
    }

    /// <summary>The actor of what analysis itself changes in the review history (a reopened flag).</summary>
    public const string SystemActor = "adwatch";

    private sealed class FlagData
    {
        public long Id { get; init; }
        public long LocationId { get; init; }
        public double Score { get; init; }
        public string ReasonsJson { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Active { get; init; }
        public long FirstFlaggedAt { get; init; }
        public int? AdvertiserCount { get; init; }
        public int? ShortStayCount { get; init; }
        public string? PhonesJson { get; init; }
        public string? AdsJson { get; init; }

        public bool Same(FlagValues v) => Score == v.Score && ReasonsJson == v.Reasons && AdvertiserCount == v.Advertisers
                                          && ShortStayCount == v.ShortStays && PhonesJson == v.Phones && AdsJson == v.Ads;
    }
}
