using System.Data.Common;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Privacy;

/// <summary>
/// Deletes personal data whose retention period (<see cref="RetentionOptions"/>) has passed: old ads that no open or recently
/// closed flag needs, with everything derived from them (among it the kept photos no remaining ad uses); crawl request
/// logs and error snapshots; old audit entries; caches.
/// Ads go in chunks, each in its own transaction, so an interrupted purge leaves consistent data and the next run finishes
/// it. When ads went, the caller's <c>reanalyse</c> step recomputes the analysis (a later pipeline stage this folder does not
/// know) before orphaned phones and places go, so no advertiser, stay or location is left pointing at nothing.
/// The purge is itself audited.
/// </summary>
public sealed class RetentionPurge(Database database, AuditLog audit, TimeProvider time,
    IOptions<RetentionOptions> options, ILogger<RetentionPurge> logger)
{
    private const int Chunk = 500;

    // Ads a flag still needs: every ad of every advertiser with a stay at a flagged location whose case is open, or
    // closed/dismissed less than ClosedFlagDays ago. A 'new' flag nobody looked at yet holds only its evidence (the ads of its
    // scored window, flags.ads_json), while active and for AdDays after it stopped qualifying: not every ad its advertisers
    // ever placed.
    private const string HeldAds = """
        SELECT aa.ad_id FROM advertiser_ads aa
        JOIN stays s ON s.advertiser_id = aa.advertiser_id
        JOIN flags f ON f.location_id = s.location_id
        WHERE f.status IN ('in_review', 'inspection_proposed', 'inspected')
           OR (f.status IN ('closed', 'dismissed')
               AND COALESCE((SELECT MAX(r.at) FROM reviews r WHERE r.flag_id = f.id), f.first_flagged_at) >= @closedCutoff)
        """;

    private const string NewFlagEvidence = """
        SELECT ads_json FROM flags WHERE status = 'new' AND ads_json IS NOT NULL AND (active OR cleared_at >= @adCutoff)
        """;

    // Retention counts from the last observation, clamped: a time after now (a clock or file from the future) counts as the
    // first observation, and if that is in the future too, as long ago. Such an ad cannot outlive its retention.
    private const string SeenAt = """
        CASE WHEN last_seen_at <= @latest THEN last_seen_at WHEN first_seen_at <= @latest THEN first_seen_at ELSE 0 END
        """;

    // A measure that still runs, or ended less than ClosedFlagDays ago: its location's ads, relapse alerts and controls stay.
    private const string MeasureLocations = """
        SELECT m.location_id FROM measures m
        WHERE m.state NOT IN ('executed', 'lifted')
           OR COALESCE((SELECT MAX(e.at) FROM measure_events e WHERE e.measure_id = m.id), m.created_at) >= @closedCutoff
        """;

    /// <summary>Purges what expired; <paramref name="reanalyse"/> runs after ads went (the scheduled job passes the full analysis).</summary>
    public async Task<RetentionResult> PurgeAsync(string actor, Func<CancellationToken, Task> reanalyse, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var adCutoff = now.AddDays(-o.AdDays);
        var closedCutoff = now.AddDays(-o.ClosedFlagDays);
        var logCutoff = now.AddDays(-o.CrawlLogDays);
        var auditCutoff = now.AddDays(-o.AuditDays);
        // Evidence saved in the last day may belong to a capture still being written: never treat it as orphaned.
        var settled = now.AddDays(-1);

        await using var connection = await database.OpenAsync(ct);
        // Ads behind a flag that needs them, and ads of advertisers who stayed at a house under a running measure (its evidence).
        var evidenceHeld = (await connection.QueryAsync<string>(new CommandDefinition(NewFlagEvidence, new { adCutoff }, cancellationToken: ct)))
            .SelectMany(json => System.Text.Json.JsonSerializer.Deserialize<long[]>(json) ?? []).ToHashSet();
        var expired = (await connection.QueryAsync<long>(new CommandDefinition($"""
            SELECT id FROM ads WHERE {SeenAt} < @adCutoff AND id NOT IN ({HeldAds})
            AND id NOT IN (SELECT aa.ad_id FROM advertiser_ads aa JOIN stays s ON s.advertiser_id = aa.advertiser_id
                           WHERE s.location_id IN ({MeasureLocations}))
            ORDER BY id
            """,
            new { adCutoff, closedCutoff, latest = now.AddDays(1) }, cancellationToken: ct))).Where(id => !evidenceHeld.Contains(id)).ToList();
        int versions = 0, observations = 0;
        foreach (var ids in expired.Chunk(Chunk))
        {
            var (v, obs) = await DeleteAdsAsync(connection, ids, ct);
            versions += v;
            observations += obs;
        }

        int requests, snapshots, auditEntries, cache, images;
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            // A run that never finished (the process was killed) ages from its start.
            const string oldRuns = "SELECT id FROM crawl_runs WHERE COALESCE(finished_at, started_at) < @logCutoff";
            requests = await Execute(connection, tx, $"DELETE FROM crawl_requests WHERE run_id IN ({oldRuns})", new { logCutoff }, ct);
            snapshots = await Execute(connection, tx, $"DELETE FROM crawl_error_snapshots WHERE run_id IN ({oldRuns})", new { logCutoff }, ct);
            auditEntries = await Execute(connection, tx, "DELETE FROM audit_log WHERE at < @auditCutoff", new { auditCutoff }, ct);
            // A sign-in failure keeps the client's address (migration 0022); none counts for longer than a day (the longest
            // Dashboard:LockoutMinutes). Sign-in forgets them sooner; this catches those no later sign-in came to.
            await Execute(connection, tx, """
                DELETE FROM sign_in_failures WHERE last_failed_at < @settled AND (locked_until IS NULL OR locked_until < @now)
                """, new { settled, now }, ct);
            cache = await Execute(connection, tx, "DELETE FROM geocode_cache WHERE fetched_at < @adCutoff", new { adCutoff }, ct)
                  + await Execute(connection, tx, """
                      DELETE FROM image_hashes WHERE NOT EXISTS (SELECT 1 FROM ad_images ai WHERE ai.url = image_hashes.url)
                      AND fetched_at < @settled
                      """, new { settled }, ct);
            // The numbers OCR read from a photo go with the last ad that shows it, as the photo's hash does.
            cache += await Execute(connection, tx, """
                DELETE FROM image_phones WHERE NOT EXISTS (SELECT 1 FROM ad_images ai WHERE ai.url = image_phones.url) AND read_at < @settled
                """, new { settled }, ct);
            // A kept photo goes with the last ad that uses it: its URL links went just above (a link of the last day may
            // belong to a version being extracted right now, like a new evidence blob, and waits for the next purge).
            images = await Execute(connection, tx, """
                DELETE FROM stored_images WHERE stored_at < @settled
                AND NOT EXISTS (SELECT 1 FROM image_hashes h WHERE h.image_sha256 = stored_images.sha256)
                """, new { settled }, ct);
            await tx.CommitAsync(ct);
        }
        var evidence = await Execute(connection, null, """
            DELETE FROM evidence_blobs WHERE captured_at < @settled
            AND NOT EXISTS (SELECT 1 FROM ad_versions v WHERE v.evidence_id = evidence_blobs.id)
            AND NOT EXISTS (SELECT 1 FROM crawl_error_snapshots s WHERE s.evidence_id = evidence_blobs.id)
            """, new { settled }, ct);

        var (phones, places) = (0, 0);
        if (expired.Count > 0)
        {
            // Advertisers, stays and locations built from the deleted ads go now, not at the next crawl.
            await reanalyse(ct);
            const string orphanPhones = """
                FROM phones WHERE status = 'ok'
                AND NOT EXISTS (SELECT 1 FROM ad_phones ap WHERE ap.phone_id = phones.id)
                AND NOT EXISTS (SELECT 1 FROM operators op WHERE op.phone_id = phones.id)
                """;
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                // A phone lookup stays accountable in the audit log (who, when), without the number.
                await ScrubAuditAsync(connection, tx, await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT e164 " + orphanPhones, transaction: tx, cancellationToken: ct)), ct);
                phones = await Execute(connection, tx, "DELETE " + orphanPhones, null, ct);
                await tx.CommitAsync(ct);
            }
            places = await Execute(connection, null, """
                DELETE FROM places WHERE NOT EXISTS (SELECT 1 FROM ad_places ap WHERE ap.place_id = places.id)
                AND NOT EXISTS (SELECT 1 FROM locations l WHERE l.place_id = places.id)
                AND NOT EXISTS (SELECT 1 FROM location_resolutions r WHERE r.place_id = places.id OR r.unresolved_place_id = places.id)
                """, null, ct);
        }

        var (alerts, watches, controls, measures) = await EnforcementAsync(connection, now, closedCutoff, ct);
        // An analyst's note may describe the people at the address: it goes ClosedFlagDays after it was written, unless the
        // case is still open. Who changed the status to what, and when, stays with the flag.
        var notes = await Execute(connection, null, """
            UPDATE reviews SET note = NULL WHERE note IS NOT NULL AND at < @closedCutoff
            AND flag_id NOT IN (SELECT id FROM flags WHERE status IN ('in_review', 'inspection_proposed', 'inspected'))
            """, new { closedCutoff }, ct);
        var result = new RetentionResult(expired.Count, versions, observations, evidence, images, phones, places, requests, snapshots, auditEntries, cache)
        {
            Alerts = alerts, Watches = watches, Controls = controls, Measures = measures, ReviewNotes = notes,
        };
        await audit.WriteAsync(actor, "purge", "retention", null, result.ToString(), ct);
        try
        {
            await database.CompactAsync(ct);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            // The purge itself is committed; a busy dashboard only defers the compaction to the next purge.
            logger.LogWarning("Retention purge: the database was busy, so VACUUM/WAL checkpoint waits for the next purge ({Message})", ex.Message);
        }
        logger.LogInformation("Retention purge: {Result}", result);
        return result;
    }

    /// <summary>Alerts, watches, controls and measures past their periods, in one transaction.</summary>
    private async Task<(int Alerts, int Watches, int Controls, int Measures)> EnforcementAsync(DbConnection connection, DateTimeOffset now,
        DateTimeOffset closedCutoff, CancellationToken ct)
    {
        var o = options.Value;
        var alertCutoff = now.AddDays(-o.AlertDays);
        var watchCutoff = now.AddDays(-o.WatchDays);
        var enforcementDay = DateOnly.FromDateTime(now.AddDays(-o.EnforcementDays).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var old = $"""
            SELECT id FROM alerts WHERE raised_at < @alertCutoff AND evidence_json <> '{PurgedEvidence}'
            AND NOT (kind = 'relapse' AND location_id IN ({MeasureLocations}))
            """;
        await Execute(connection, tx, $"DELETE FROM alert_inbox WHERE alert_id IN ({old})", new { alertCutoff, closedCutoff }, ct);
        // The event's key stays, so the scan does not raise it again; nothing else of it does (not even the location).
        var alerts = await Execute(connection, tx, $"""
            UPDATE alerts SET summary_nl = '(verwijderd na de bewaartermijn)', summary_en = '(deleted after the retention period)',
                              evidence_json = '{PurgedEvidence}', location_id = NULL, municipality_code = NULL
            WHERE id IN ({old})
            """, new { alertCutoff, closedCutoff }, ct);
        var watches = await Execute(connection, tx, """
            DELETE FROM watches WHERE user_name NOT IN (SELECT name FROM users WHERE NOT disabled)
               OR (created_at < @watchCutoff
                   AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.key LIKE 'watch:' || watches.id || ':%' AND a.raised_at >= @watchCutoff))
            """, new { watchCutoff }, ct);
        const string finished = """
            SELECT m.id FROM measures m WHERE m.state IN ('executed', 'lifted')
            AND (SELECT MAX(e.on_date) FROM measure_events e WHERE e.measure_id = m.id) < @enforcementDay
            """;
        await Execute(connection, tx, $"""
            UPDATE exports SET measure_event_id = NULL
            WHERE measure_event_id IN (SELECT e.id FROM measure_events e WHERE e.measure_id IN ({finished}))
            """, new { enforcementDay }, ct);
        await Execute(connection, tx, $"DELETE FROM measure_events WHERE measure_id IN ({finished})", new { enforcementDay }, ct);
        var measures = await Execute(connection, tx, $"""
            DELETE FROM measures WHERE state IN ('executed', 'lifted') AND NOT EXISTS (SELECT 1 FROM measure_events e WHERE e.measure_id = measures.id)
            """, null, ct);
        const string oldControls = """
            SELECT c.id FROM controls c WHERE c.controlled_on < @enforcementDay
            AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.location_id = c.location_id AND m.state NOT IN ('executed', 'lifted'))
            """;
        await Execute(connection, tx, $"DELETE FROM control_documents WHERE control_id IN ({oldControls})", new { enforcementDay }, ct);
        var controls = await Execute(connection, tx, $"DELETE FROM controls WHERE id IN ({oldControls})", new { enforcementDay }, ct);
        await tx.CommitAsync(ct);
        return (alerts, watches, controls, measures);
    }

    private const string PurgedEvidence = """{"purged":true}""";

    private static async Task<(int Versions, int Observations)> DeleteAdsAsync(DbConnection connection, long[] ids, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Ids are our own longs, so a literal list is safe — and portable: Dapper expands a list parameter on SQLite but passes
        // an array on PostgreSQL, where `IN @ids` is a syntax error.
        var list = "(" + string.Join(",", ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        // The crawl log of the ad's page (a recent run's request, an error snapshot) goes with the ad, not with the run.
        await Execute(connection, tx, $"DELETE FROM crawl_requests WHERE url IN (SELECT url FROM ads WHERE id IN {list})", null, ct);
        await Execute(connection, tx, $"DELETE FROM crawl_error_snapshots WHERE url IN (SELECT url FROM ads WHERE id IN {list})", null, ct);
        await ScrubAuditAsync(connection, tx, await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT url FROM ads WHERE id IN {list}", transaction: tx, cancellationToken: ct)), ct);
        var versionsOf = $"SELECT id FROM ad_versions WHERE ad_id IN {list}";
        foreach (var table in new[] { "ad_phones", "ad_places", "ad_indicators", "ad_images" })
        {
            await Execute(connection, tx, $"DELETE FROM {table} WHERE version_id IN ({versionsOf})", null, ct);
        }
        var observations = await Execute(connection, tx, $"DELETE FROM observations WHERE ad_id IN {list}", null, ct);
        await Execute(connection, tx, $"DELETE FROM advertiser_ads WHERE ad_id IN {list}", null, ct);
        await Execute(connection, tx, $"UPDATE ads SET current_version_id = NULL WHERE id IN {list}", null, ct);
        var versions = await Execute(connection, tx, $"DELETE FROM ad_versions WHERE ad_id IN {list}", null, ct);
        await Execute(connection, tx, $"DELETE FROM ads WHERE id IN {list}", null, ct);
        await tx.CommitAsync(ct);
        return (versions, observations);
    }

    /// <summary>
    /// Removes <paramref name="values"/> (purged phones, ad URLs) from the audit entries they are the target of (a phone lookup),
    /// their detail included; the entry stays. Found by index (<c>ix_audit_log_target</c>): no audit entry names a phone or URL
    /// elsewhere.
    /// </summary>
    private static async Task ScrubAuditAsync(DbConnection connection, DbTransaction tx, IEnumerable<string> values, CancellationToken ct)
    {
        foreach (var value in values.Where(v => v.Length > 0))
        {
            await Execute(connection, tx, """
                UPDATE audit_log SET target_id = CASE WHEN target_id = @value THEN @purged ELSE target_id END,
                                     detail = REPLACE(detail, @value, @purged)
                WHERE target_id = @value
                """, new { value, purged = PurgedValue }, ct);
        }
    }

    /// <summary>What stands in the audit log where a purged phone or URL stood.</summary>
    public const string PurgedValue = "(purged)";

    private static Task<int> Execute(DbConnection connection, DbTransaction? tx, string sql, object? args, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
}
