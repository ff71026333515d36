using AdWatch.Crawling;
using System.Data.Common;
using Dapper;
using AdWatch.Storage;

namespace AdWatch.Evidence;

/// <summary>
/// <c>ads</c>, <c>ad_versions</c> and <c>observations</c>: upsert by (site, ad id), a version per distinct content,
/// an observation per sighting. Every write is keyed so that replaying a sighting (a resumed run, a re-imported
/// file) changes nothing.
/// </summary>
public sealed class AdStore(Database database)
{
    /// <summary>Stores one sighting in one transaction; raw bytes are kept as evidence when the content is new.</summary>
    public async Task<ObservationResult> RecordAsync(AdCapture c, CancellationToken ct)
    {
        c = WithoutNul(c);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ad = await connection.QuerySingleOrDefaultAsync<(long Id, DateTimeOffset FirstSeen)?>(new CommandDefinition(
            "SELECT id, first_seen_at FROM ads WHERE site_id = @SiteId AND external_id = @ExternalId",
            new { c.SiteId, c.ExternalId }, tx, cancellationToken: ct));
        var adId = ad?.Id ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO ads (site_id, external_id, url, status, first_seen_at, last_seen_at)
            VALUES (@SiteId, @ExternalId, @Url, 'active', @ObservedAt, @ObservedAt)
            RETURNING id
            """, new { c.SiteId, c.ExternalId, c.Url, c.ObservedAt }, tx, cancellationToken: ct));
        var firstSeen = ad?.FirstSeen ?? c.ObservedAt;

        var hash = c.Fields.ContentHash();
        var version = await connection.QuerySingleOrDefaultAsync<(long Id, DateTimeOffset FirstSeen)?>(new CommandDefinition(
            "SELECT id, first_seen_at FROM ad_versions WHERE ad_id = @adId AND content_hash = @hash",
            new { adId, hash }, tx, cancellationToken: ct));
        long versionId;
        DateTimeOffset versionFirstSeen;
        if (version is { } v)
        {
            versionId = v.Id;
            versionFirstSeen = v.FirstSeen;
            if (c.ObservedAt < v.FirstSeen)
            {
                // An import of an older capture moves the version's first sighting back.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE ad_versions SET first_seen_at = @ObservedAt WHERE id = @versionId", new { c.ObservedAt, versionId }, tx, cancellationToken: ct));
                versionFirstSeen = c.ObservedAt;
            }
        }
        else
        {
            long? evidenceId = c.RawBytes.IsEmpty ? null
                : await EvidenceStore.SaveAsync(connection, tx, c.RawBytes, c.Url, c.ContentType, c.HttpStatus, c.EvidenceTime, ct);
            var f = c.Fields;
            versionId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO ad_versions (ad_id, content_hash, title, body_text, location_text, phone_text, posted_text, image_urls, extras, first_seen_at, evidence_id)
                VALUES (@adId, @hash, @Title, @Text, @Location, @Phone, @PostedDate, @Images, @Extras, @ObservedAt, @evidenceId)
                RETURNING id
                """, new { adId, hash, f.Title, f.Text, f.Location, f.Phone, f.PostedDate, Images = f.ImagesJson(), Extras = f.ExtrasJson(), c.ObservedAt, evidenceId },
                tx, cancellationToken: ct));
            versionFirstSeen = c.ObservedAt;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO observations (ad_id, version_id, run_id, source, observed_at)
            VALUES (@adId, @versionId, @RunId, @Source, @ObservedAt)
            ON CONFLICT (ad_id, observed_at) DO NOTHING
            """, new { adId, versionId, c.RunId, c.Source, c.ObservedAt }, tx, cancellationToken: ct));

        // Only a sighting at least as new as the last one moves the ad's current state; old imports only add history.
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ads SET
                first_seen_at = CASE WHEN @ObservedAt < first_seen_at THEN @ObservedAt ELSE first_seen_at END,
                current_version_id = CASE WHEN @ObservedAt >= last_seen_at OR current_version_id IS NULL THEN @versionId ELSE current_version_id END,
                url = CASE WHEN @ObservedAt >= last_seen_at THEN @Url ELSE url END,
                etag = CASE WHEN @ObservedAt >= last_seen_at AND @ETag IS NOT NULL THEN @ETag ELSE etag END,
                last_modified = CASE WHEN @ObservedAt >= last_seen_at AND @LastModified IS NOT NULL THEN @LastModified ELSE last_modified END,
                status = CASE WHEN @ObservedAt >= last_seen_at THEN 'active' ELSE status END,
                missing_runs = CASE WHEN @ObservedAt >= last_seen_at THEN 0 ELSE missing_runs END,
                gone_at = CASE WHEN @ObservedAt >= last_seen_at THEN NULL ELSE gone_at END,
                card_hash = CASE WHEN @ObservedAt >= last_seen_at AND @CardHash IS NOT NULL THEN @CardHash ELSE card_hash END,
                verified_at = CASE WHEN @VerifiedAt IS NOT NULL AND (verified_at IS NULL OR @VerifiedAt > verified_at) THEN @VerifiedAt ELSE verified_at END,
                last_seen_at = CASE WHEN @ObservedAt > last_seen_at THEN @ObservedAt ELSE last_seen_at END
            WHERE id = @adId
            """, new { adId, versionId, c.ObservedAt, c.Url, c.ETag, c.LastModified, c.CardHash, VerifiedAt = c.VerifiedAt?.ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct)); // a typed long?, as PostgreSQL cannot type a bare NULL in "@VerifiedAt IS NOT NULL"
        await tx.CommitAsync(ct);

        var change = firstSeen == c.ObservedAt ? AdChange.New : versionFirstSeen == c.ObservedAt ? AdChange.Changed : AdChange.Unchanged;
        return new ObservationResult(adId, versionId, change);
    }

    /// <summary>
    /// A WARC revisit record: the ad at <paramref name="url"/> (or <paramref name="refersToUrl"/>) seen again at
    /// <paramref name="observedAt"/> with the version it had at <paramref name="refersToDate"/> (its latest sighting up to
    /// then). Null when no such sighting is stored, e.g. the response it refers to was not imported.
    /// </summary>
    public async Task<ObservationResult?> RecordRevisitAsync(long siteId, string url, string refersToUrl, DateTimeOffset refersToDate,
        DateTimeOffset observedAt, string source, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var seen = await connection.QuerySingleOrDefaultAsync<(long AdId, long VersionId)?>(new CommandDefinition("""
            SELECT o.ad_id, o.version_id FROM observations o JOIN ads a ON a.id = o.ad_id
            WHERE a.site_id = @siteId AND (a.url = @url OR a.url = @refersToUrl) AND o.observed_at <= @refersToDate
            ORDER BY o.observed_at DESC LIMIT 1
            """, new { siteId, url, refersToUrl, refersToDate }, tx, cancellationToken: ct));
        if (seen is not { } s)
        {
            return null;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO observations (ad_id, version_id, run_id, source, observed_at)
            VALUES (@AdId, @VersionId, NULL, @source, @observedAt)
            ON CONFLICT (ad_id, observed_at) DO NOTHING
            """, new { s.AdId, s.VersionId, source, observedAt }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ads SET
                first_seen_at = CASE WHEN @observedAt < first_seen_at THEN @observedAt ELSE first_seen_at END,
                current_version_id = CASE WHEN @observedAt >= last_seen_at THEN @VersionId ELSE current_version_id END,
                status = CASE WHEN @observedAt >= last_seen_at THEN 'active' ELSE status END,
                missing_runs = CASE WHEN @observedAt >= last_seen_at THEN 0 ELSE missing_runs END,
                gone_at = CASE WHEN @observedAt >= last_seen_at THEN NULL ELSE gone_at END,
                last_seen_at = CASE WHEN @observedAt > last_seen_at THEN @observedAt ELSE last_seen_at END
            WHERE id = @AdId
            """, new { s.AdId, s.VersionId, observedAt }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new ObservationResult(s.AdId, s.VersionId, AdChange.Unchanged);
    }

    /// <summary>
    /// PostgreSQL <c>text</c> cannot hold U+0000, and no ad needs it: a NUL in a page or an imported line is dropped from
    /// every stored text (the raw bytes keep it), on both databases, so one hostile byte cannot abort a crawl or import.
    /// </summary>
    private static AdCapture WithoutNul(AdCapture c)
    {
        var f = c.Fields;
        var hasNul = Has(c.ExternalId) || Has(c.Url) || Has(c.ContentType) || Has(c.ETag) || Has(c.LastModified) || Has(c.CardHash)
            || Has(f.Title) || Has(f.Text) || Has(f.Location) || Has(f.Phone) || Has(f.PostedDate) || f.Images.Any(Has)
            || (f.Extras?.Any(p => Has(p.Key) || Has(p.Value)) ?? false);
        if (!hasNul)
        {
            return c;
        }
        var fields = new AdFields(Strip(f.Title), Strip(f.Text), Strip(f.Location), Strip(f.Phone), Strip(f.PostedDate), [.. f.Images.Select(i => Strip(i)!)],
            f.Extras?.ToDictionary(p => Strip(p.Key)!, p => Strip(p.Value)!));
        return c with
        {
            ExternalId = Strip(c.ExternalId)!, Url = Strip(c.Url)!, ContentType = Strip(c.ContentType), ETag = Strip(c.ETag),
            LastModified = Strip(c.LastModified), CardHash = Strip(c.CardHash), Fields = fields,
        };

        static bool Has(string? s) => s?.Contains('\0', StringComparison.Ordinal) ?? false;
        static string? Strip(string? s) => Has(s) ? s!.Replace("\0", "", StringComparison.Ordinal) : s;
    }

    /// <summary>
    /// A 304 Not Modified: the ad was seen with its current version, and its page verified at <paramref name="observedAt"/>
    /// (with the listing's <paramref name="cardHash"/> when known). Null when the ad is unknown.
    /// </summary>
    public async Task<ObservationResult?> RecordUnchangedAsync(long siteId, string externalId, long? runId, string source, DateTimeOffset observedAt,
        string? cardHash, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ad = await connection.QuerySingleOrDefaultAsync<(long Id, long? VersionId)?>(new CommandDefinition(
            "SELECT id, current_version_id FROM ads WHERE site_id = @siteId AND external_id = @externalId",
            new { siteId, externalId }, tx, cancellationToken: ct));
        if (ad is not { VersionId: { } versionId } a)
        {
            return null;
        }
        await SeenAsync(connection, tx, a.Id, versionId, runId, source, observedAt, ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ads SET
                verified_at = CASE WHEN verified_at IS NULL OR @observedAt > verified_at THEN @observedAt ELSE verified_at END,
                card_hash = CASE WHEN @cardHash IS NOT NULL AND @observedAt >= last_seen_at THEN @cardHash ELSE card_hash END
            WHERE id = @Id
            """, new { a.Id, observedAt, cardHash }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new ObservationResult(a.Id, versionId, AdChange.Unchanged);
    }

    /// <summary>
    /// What the listing rule needs to know of the ads a listing shows: card hash and last verification, for the ads that
    /// are known, have a stored version and are not gone (a gone ad back on the listing always has its page fetched).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, KnownCard>> KnownCardsAsync(long siteId, IReadOnlyCollection<string> externalIds, CancellationToken ct)
    {
        var known = new Dictionary<string, KnownCard>(StringComparer.Ordinal);
        if (externalIds.Count == 0)
        {
            return known;
        }
        await using var connection = await database.OpenAsync(ct);
        foreach (var chunk in externalIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await connection.QueryAsync<(string ExternalId, string? CardHash, DateTimeOffset? VerifiedAt)>(new CommandDefinition($"""
                SELECT external_id, card_hash, verified_at FROM ads
                WHERE site_id = @siteId AND {SqlIn.List(connection, "external_id", "@ids")}
                  AND status <> 'gone' AND current_version_id IS NOT NULL
                """, new { siteId, ids = chunk }, cancellationToken: ct));
            foreach (var row in rows)
            {
                known[row.ExternalId] = new KnownCard(row.CardHash, row.VerifiedAt);
            }
        }
        return known;
    }

    /// <summary>The external id of the one known, stored, not gone ad last fetched from each URL; shared URLs map to none.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExternalIdsByUrlAsync(long siteId, IReadOnlyCollection<string> urls, CancellationToken ct)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (urls.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        await using var connection = await database.OpenAsync(ct);
        foreach (var chunk in urls.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await connection.QueryAsync<(string Url, string ExternalId)>(new CommandDefinition($"""
                SELECT url, external_id FROM ads
                WHERE site_id = @siteId AND {SqlIn.List(connection, "url", "@urls")}
                  AND status <> 'gone' AND current_version_id IS NOT NULL
                """, new { siteId, urls = chunk }, cancellationToken: ct));
            foreach (var row in rows)
            {
                (found.TryGetValue(row.Url, out var ids) ? ids : found[row.Url] = []).Add(row.ExternalId);
            }
        }
        return found.Where(f => f.Value.Count == 1).ToDictionary(f => f.Key, f => f.Value[0], StringComparer.Ordinal);
    }

    /// <summary>
    /// Ads seen on the listing with an unchanged card: one observation each of its current version (source
    /// <c>listing</c>), in one transaction. The page is not verified by this. Returns the ids recorded (known, not gone).
    /// </summary>
    public async Task<IReadOnlySet<string>> RecordSightingsAsync(long siteId, IReadOnlyCollection<string> externalIds, long? runId,
        DateTimeOffset observedAt, CancellationToken ct)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        if (externalIds.Count == 0)
        {
            return recorded;
        }
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var externalId in externalIds.Distinct(StringComparer.Ordinal))
        {
            var ad = await connection.QuerySingleOrDefaultAsync<(long Id, long? VersionId)?>(new CommandDefinition(
                "SELECT id, current_version_id FROM ads WHERE site_id = @siteId AND external_id = @externalId AND status <> 'gone'",
                new { siteId, externalId }, tx, cancellationToken: ct));
            if (ad is { VersionId: { } versionId } a)
            {
                await SeenAsync(connection, tx, a.Id, versionId, runId, "listing", observedAt, ct);
                recorded.Add(externalId);
            }
        }
        await tx.CommitAsync(ct);
        return recorded;
    }

    /// <summary>An observation of the ad's current version; the ad is active again when the sighting is its newest.</summary>
    private static async Task SeenAsync(DbConnection connection, DbTransaction tx, long adId, long versionId, long? runId, string source,
        DateTimeOffset observedAt, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO observations (ad_id, version_id, run_id, source, observed_at)
            VALUES (@adId, @versionId, @runId, @source, @observedAt)
            ON CONFLICT (ad_id, observed_at) DO NOTHING
            """, new { adId, versionId, runId, source, observedAt }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ads SET status = 'active', missing_runs = 0, gone_at = NULL,
                last_seen_at = CASE WHEN @observedAt > last_seen_at THEN @observedAt ELSE last_seen_at END
            WHERE id = @adId AND @observedAt >= last_seen_at
            """, new { adId, observedAt }, tx, cancellationToken: ct));
    }

    /// <summary>Conditional-GET validators and state of a known ad, or null.</summary>
    public async Task<AdRow?> FindAsync(long siteId, string externalId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AdRow>(new CommandDefinition($"""
            SELECT {AdRow.Columns} FROM ads WHERE site_id = @siteId AND external_id = @externalId
            """, new { siteId, externalId }, cancellationToken: ct));
    }

    /// <summary>All ads of a site.</summary>
    public async Task<IReadOnlyList<AdRow>> ListAsync(long siteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<AdRow>(new CommandDefinition(
            $"SELECT {AdRow.Columns} FROM ads WHERE site_id = @siteId ORDER BY external_id", new { siteId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Ends an ad explicitly (404/410 or an expired page). Returns true when it was not gone before.</summary>
    public async Task<bool> MarkGoneAsync(long siteId, string externalId, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ads SET status = 'gone', gone_at = @at WHERE site_id = @siteId AND external_id = @externalId AND status <> 'gone'
            """, new { siteId, externalId, at }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// The diff after a healthy run: ads not seen in it count one more missing run and are gone after
    /// <paramref name="goneAfterRuns"/>. Runs inside the caller's transaction together with closing the run.
    /// </summary>
    internal static async Task<int> ApplyMissingAsync(DbConnection connection, DbTransaction tx, long siteId, long runId, DateTimeOffset observedAt, int goneAfterRuns, CancellationToken ct)
    {
        const string notSeen = """
            site_id = @siteId AND status IN ('active', 'missing') AND first_seen_at <= @observedAt
            AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.ad_id = ads.id AND o.run_id = @runId)
            """;
        var gone = await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE ads SET status = 'gone', gone_at = @observedAt, missing_runs = missing_runs + 1
            WHERE {notSeen} AND missing_runs + 1 >= @goneAfterRuns
            """, new { siteId, runId, observedAt, goneAfterRuns }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition($"""
            UPDATE ads SET status = 'missing', missing_runs = missing_runs + 1
            WHERE {notSeen}
            """, new { siteId, runId, observedAt }, tx, cancellationToken: ct));
        return gone;
    }

    /// <summary>
    /// The versions of the pages a run fetched (for the field-coverage health check). Ads seen only from their unchanged
    /// card are left out: their stored versions say nothing about today's page layout.
    /// </summary>
    public async Task<IReadOnlyList<AdFields>> FieldsSeenInRunAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string? Title, string? Text, string? Location, string? Phone, string? Posted, string? Images)>(new CommandDefinition("""
            SELECT v.title, v.body_text, v.location_text, v.phone_text, v.posted_text, v.image_urls
            FROM observations o JOIN ad_versions v ON v.id = o.version_id WHERE o.run_id = @runId AND o.source <> 'listing'
            """, new { runId }, cancellationToken: ct));
        return [.. rows.Select(r => new AdFields(r.Title, r.Text, r.Location, r.Phone, r.Posted,
            string.IsNullOrEmpty(r.Images) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(r.Images) ?? []))];
    }
}
