using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Advertisers, locations, stays and flags. Analysis recomputes these from extraction results; flags keep their
/// review status and first-flagged time across recomputations (only score, reasons and times change).
/// </summary>
public sealed class AnalysisStore(Database database)
{
    public async Task<long> UpsertAdvertiserAsync(string key, string label, long? operatorId, DateTimeOffset firstSeen,
        DateTimeOffset lastSeen, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO advertisers (key, label, operator_id, first_seen_at, last_seen_at)
            VALUES (@key, @label, @operatorId, @firstSeen, @lastSeen)
            ON CONFLICT (key) DO UPDATE SET label = excluded.label, operator_id = excluded.operator_id,
                first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at
            RETURNING id
            """, new { key, label, operatorId, firstSeen, lastSeen }, cancellationToken: ct));
    }

    public async Task<long> UpsertOperatorAsync(long phoneId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO operators (phone_id, created_at) VALUES (@phoneId, @at)
            ON CONFLICT (phone_id) DO UPDATE SET phone_id = excluded.phone_id
            RETURNING id
            """, new { phoneId, at }, cancellationToken: ct));
    }

    public async Task LinkAdAsync(long advertiserId, long adId, string linkKind, double confidence, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO advertiser_ads (advertiser_id, ad_id, link_kind, confidence) VALUES (@advertiserId, @adId, @linkKind, @confidence)
            ON CONFLICT (advertiser_id, ad_id) DO UPDATE SET link_kind = excluded.link_kind, confidence = excluded.confidence
            """, new { advertiserId, adId, linkKind, confidence }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<long>> AdsOfAdvertiserAsync(long advertiserId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT ad_id FROM advertiser_ads WHERE advertiser_id = @advertiserId ORDER BY ad_id", new { advertiserId }, cancellationToken: ct))];
    }

    public async Task<long> UpsertLocationAsync(long placeId, string? licensedVenue, DateTimeOffset firstSeen, DateTimeOffset lastSeen,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO locations (place_id, licensed_venue, first_seen_at, last_seen_at) VALUES (@placeId, @licensedVenue, @firstSeen, @lastSeen)
            ON CONFLICT (place_id) DO UPDATE SET licensed_venue = excluded.licensed_venue,
                first_seen_at = excluded.first_seen_at, last_seen_at = excluded.last_seen_at
            RETURNING id
            """, new { placeId, licensedVenue, firstSeen, lastSeen }, cancellationToken: ct));
    }

    /// <summary>Replaces every stay at a location with a freshly computed set, atomically.</summary>
    public async Task ReplaceStaysAsync(long locationId, IReadOnlyList<StayRow> stays, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM stays WHERE location_id = @locationId", new { locationId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stays (location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence)
            VALUES (@LocationId, @AdvertiserId, @StartAt, @EndAt, @AdCount, @LinkKind, @Confidence)
            """, stays.Select(s => s with { LocationId = locationId }), tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<StayRow>> StaysAtAsync(long locationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<StayRow>(new CommandDefinition(
            "SELECT * FROM stays WHERE location_id = @locationId ORDER BY start_at, advertiser_id", new { locationId }, cancellationToken: ct))];
    }

    /// <summary>Creates or refreshes a location's flag. A new flag starts as <c>new</c>; an existing one keeps its review status.</summary>
    public async Task<long> UpsertFlagAsync(long locationId, double score, string reasonsJson, DateTimeOffset asOf, DateTimeOffset computedAt,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of)
            VALUES (@locationId, @score, 'new', @reasonsJson, @asOf, @computedAt, @asOf)
            ON CONFLICT (location_id) DO UPDATE SET score = excluded.score, reasons_json = excluded.reasons_json,
                computed_at = excluded.computed_at, as_of = excluded.as_of
            RETURNING id
            """, new { locationId, score, reasonsJson, asOf, computedAt }, cancellationToken: ct));
    }

    public async Task<FlagRow?> GetFlagAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FlagRow>(new CommandDefinition(
            "SELECT * FROM flags WHERE id = @flagId", new { flagId }, cancellationToken: ct));
    }
}
