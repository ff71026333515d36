using System.Data.Common;
using Dapper;
using AdWatch.Storage;

namespace AdWatch.Crawling;

/// <summary>
/// <c>crawl_runs</c>, <c>crawl_requests</c> and <c>crawl_error_snapshots</c>. Leases make a run crash-safe: a request
/// whose lease expired is handed out again, and every write it causes downstream is idempotent.
/// </summary>
public sealed class CrawlRunStore(Database database)
{
    private const string RunColumns = """
        id AS Id, site_id AS SiteId, trigger AS Trigger, status AS Status, observed_at AS ObservedAt, started_at AS StartedAt,
        finished_at AS FinishedAt, lease_owner AS LeaseOwner, lease_expires_at AS LeaseExpiresAt, stats_json AS StatsJson,
        health_note AS HealthNote
        """;

    /// <summary>The site's newest run still marked running, or null.</summary>
    public async Task<CrawlRun?> FindUnfinishedAsync(long siteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<CrawlRun>(new CommandDefinition($"""
            SELECT {RunColumns} FROM crawl_runs WHERE site_id = @siteId AND status = 'running' ORDER BY id DESC LIMIT 1
            """, new { siteId }, cancellationToken: ct));
    }

    public async Task<CrawlRun?> GetAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CrawlRun>(new CommandDefinition(
            $"SELECT {RunColumns} FROM crawl_runs WHERE id = @runId", new { runId }, cancellationToken: ct));
    }

    /// <summary>Starts a run already leased by <paramref name="owner"/>.</summary>
    public async Task<long> CreateAsync(long siteId, string trigger, DateTimeOffset observedAt, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO crawl_runs (site_id, trigger, status, observed_at, started_at, lease_owner, lease_expires_at)
            VALUES (@siteId, @trigger, 'running', @observedAt, @now, @owner, @leaseUntil)
            RETURNING id
            """, new { siteId, trigger, observedAt, now, owner, leaseUntil }, cancellationToken: ct));
    }

    /// <summary>Takes or renews the run lease; false when another live owner holds it.</summary>
    public async Task<bool> TryLeaseRunAsync(long runId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE crawl_runs SET lease_owner = @owner, lease_expires_at = @leaseUntil
            WHERE id = @runId AND status = 'running'
              AND (lease_owner IS NULL OR lease_owner = @owner OR lease_expires_at < @now)
            """, new { runId, owner, now, leaseUntil }, cancellationToken: ct));
        return rows == 1;
    }

    /// <summary>Heartbeat: extends the run lease and this owner's request leases; false when the run lease was lost.</summary>
    public async Task<bool> RenewLeasesAsync(long runId, string owner, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE crawl_requests SET lease_expires_at = @leaseUntil
            WHERE run_id = @runId AND status = 'leased' AND lease_owner = @owner
            """, new { runId, owner, leaseUntil }, cancellationToken: ct));
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE crawl_runs SET lease_expires_at = @leaseUntil WHERE id = @runId AND status = 'running' AND lease_owner = @owner
            """, new { runId, owner, leaseUntil }, cancellationToken: ct)) == 1;
    }

    /// <summary>Adds a URL to the run unless the run already has it (dedupe per run); true when added.</summary>
    public async Task<bool> EnqueueAsync(long runId, string url, string kind, int? pageNumber, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO crawl_requests (run_id, url, kind, page_number, status)
            VALUES (@runId, @url, @kind, @pageNumber, 'pending')
            ON CONFLICT (run_id, url) DO NOTHING
            """, new { runId, url, kind, pageNumber }, cancellationToken: ct));
        return rows == 1;
    }

    /// <summary>Adds many URLs in one transaction; returns how many were new to the run.</summary>
    public async Task<int> EnqueueManyAsync(long runId, IEnumerable<string> urls, string kind, int? pageNumber, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var url in urls)
        {
            added += await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO crawl_requests (run_id, url, kind, page_number, status)
                VALUES (@runId, @url, @kind, @pageNumber, 'pending')
                ON CONFLICT (run_id, url) DO NOTHING
                """, new { runId, url, kind, pageNumber }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>
    /// Adds a listing page's ads in one transaction, each with its card hash: pending, or already done with outcome
    /// <c>sighted</c> when its unchanged card counted as the sighting (<paramref name="sighted"/>, by absolute URL). A URL
    /// the run already has keeps its row. Returns how many rows were new to the run.
    /// </summary>
    public async Task<int> EnqueueCardsAsync(long runId, IEnumerable<ListingCard> cards, IReadOnlySet<string> sighted, string kind, int? pageNumber,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = 0;
        foreach (var card in cards)
        {
            var url = card.Url.AbsoluteUri;
            var isSighted = sighted.Contains(url);
            added += await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO crawl_requests (run_id, url, kind, page_number, status, outcome, card_hash)
                VALUES (@runId, @url, @kind, @pageNumber, @status, @outcome, @cardHash)
                ON CONFLICT (run_id, url) DO NOTHING
                """, new
            {
                runId, url, kind, pageNumber, status = isSighted ? "done" : "pending", outcome = isSighted ? "sighted" : null, cardHash = card.CardHash,
            }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Leases up to <paramref name="count"/> pending requests, or requests whose lease expired (a crashed worker's).</summary>
    public async Task<IReadOnlyList<CrawlRequest>> LeaseRequestsAsync(long runId, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<CrawlRequest>(new CommandDefinition("""
            UPDATE crawl_requests SET status = 'leased', lease_owner = @owner, lease_expires_at = @leaseUntil, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM crawl_requests
                WHERE run_id = @runId AND (status = 'pending' OR (status = 'leased' AND lease_expires_at < @now))
                ORDER BY id LIMIT @count)
            RETURNING id AS Id, run_id AS RunId, url AS Url, kind AS Kind, page_number AS PageNumber, card_hash AS CardHash, status AS Status, attempts AS Attempts
            """, new { runId, owner, now, leaseUntil, count }, cancellationToken: ct));
        return [.. rows.OrderBy(r => r.Id)];
    }

    /// <summary>Requests not finished yet (pending, or leased by anyone).</summary>
    public async Task<long> CountOpenAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM crawl_requests WHERE run_id = @runId AND status IN ('pending', 'leased')",
            new { runId }, cancellationToken: ct));
    }

    /// <summary>Records how a leased request ended; ignored when the lease was lost to another owner meanwhile.</summary>
    public async Task CompleteRequestAsync(long requestId, string owner, RequestOutcome o, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE crawl_requests SET status = @Status, http_status = @HttpStatus, bytes = @Bytes, retries = @Retries,
                outcome = @Outcome, error_kind = @ErrorKind, error_message = @ErrorMessage, fetched_at = @FetchedAt,
                lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @requestId AND lease_owner = @owner
            """, new { requestId, owner, o.Status, o.HttpStatus, o.Bytes, o.Retries, o.Outcome, o.ErrorKind, o.ErrorMessage, o.FetchedAt },
            cancellationToken: ct));
    }

    /// <summary>Keeps the first failing page per error kind and run (the evidence id points to its raw bytes).</summary>
    public async Task SaveErrorSnapshotAsync(long runId, string errorKind, string url, long? evidenceId, string? message, DateTimeOffset capturedAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO crawl_error_snapshots (run_id, error_kind, url, evidence_id, message, captured_at)
            VALUES (@runId, @errorKind, @url, @evidenceId, @message, @capturedAt)
            ON CONFLICT (run_id, error_kind) DO NOTHING
            """, new { runId, errorKind, url, evidenceId, message, capturedAt }, cancellationToken: ct));
    }

    /// <summary>The stored snapshots of a run.</summary>
    internal async Task<IReadOnlyList<ErrorSnapshot>> GetErrorSnapshotsAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ErrorSnapshot>(new CommandDefinition("""
            SELECT error_kind AS ErrorKind, url AS Url, evidence_id AS EvidenceId, message AS Message, captured_at AS CapturedAt
            FROM crawl_error_snapshots WHERE run_id = @runId ORDER BY error_kind
            """, new { runId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Per-request counters of a run, grouped for <see cref="CrawlRunStats"/>.</summary>
    public async Task<IReadOnlyList<RequestTally>> TallyAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<RequestTally>(new CommandDefinition("""
            SELECT kind AS Kind, status AS Status, http_status AS HttpStatus, outcome AS Outcome, error_kind AS ErrorKind,
                   COUNT(*) AS Count, COALESCE(SUM(retries), 0) AS Retries, COALESCE(SUM(bytes), 0) AS Bytes
            FROM crawl_requests WHERE run_id = @runId
            GROUP BY kind, status, http_status, outcome, error_kind
            """, new { runId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>The first failed listing request of a run (a start URL, in the order enqueued), or null.</summary>
    public async Task<CrawlFailure?> FirstListingFailureAsync(long runId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<CrawlFailure>(new CommandDefinition("""
            SELECT url AS Url, error_kind AS Kind, COALESCE(error_message, error_kind) AS Message FROM crawl_requests
            WHERE run_id = @runId AND kind = 'listing' AND status = 'failed' AND error_kind IS NOT NULL
            ORDER BY id LIMIT 1
            """, new { runId }, cancellationToken: ct));
    }

    /// <summary>Ads observed by each of the site's last healthy (completed) runs, newest first.</summary>
    public async Task<IReadOnlyList<long>> RecentHealthyAdCountsAsync(long siteId, long excludeRunId, int window, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM observations o WHERE o.run_id = r.id)
            FROM crawl_runs r
            WHERE r.site_id = @siteId AND r.status = 'completed' AND r.id <> @excludeRunId
            ORDER BY r.id DESC LIMIT @window
            """, new { siteId, excludeRunId, window }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Closes a run inside the caller's transaction (together with the lifecycle diff, so a crash never applies it twice).</summary>
    internal static Task FinishAsync(DbConnection connection, DbTransaction tx, long runId, string status, DateTimeOffset finishedAt, string statsJson, string? healthNote, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE crawl_runs SET status = @status, finished_at = @finishedAt, stats_json = @statsJson, health_note = @healthNote,
                lease_owner = NULL, lease_expires_at = NULL
            WHERE id = @runId AND status = 'running'
            """, new { runId, status, finishedAt, statsJson, healthNote }, tx, cancellationToken: ct));
}
