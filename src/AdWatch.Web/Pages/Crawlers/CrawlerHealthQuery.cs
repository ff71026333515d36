using System.Data.Common;
using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages.Crawlers;

/// <summary>
/// Crawler health per site from <c>crawl_runs</c>, <c>crawl_requests</c> and <c>crawl_error_snapshots</c>: the overview
/// reads the last few runs of every site, the detail page more runs and every snapshot. Runs are read newest first on
/// the <c>(site_id, started_at)</c> index; requests and snapshots only for those runs.
/// </summary>
public sealed class CrawlerHealthQuery(Database database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every site with its last <paramref name="runs"/> runs, ordered by name.</summary>
    public async Task<IReadOnlyList<SiteHealth>> ListAsync(int runs, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var sites = await c.QueryAsync<SiteData>(new CommandDefinition(
            "SELECT id, name, base_url, fetch_mode, import_only FROM sites ORDER BY name", cancellationToken: ct));
        var result = new List<SiteHealth>();
        foreach (var site in sites)
        {
            result.Add(await ReadAsync(c, site, runs, ct));
        }
        return result;
    }

    /// <summary>One site with its last <paramref name="runs"/> runs, or null when there is no such site.</summary>
    public async Task<SiteHealth?> GetAsync(long siteId, int runs, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        var site = await c.QuerySingleOrDefaultAsync<SiteData>(new CommandDefinition(
            "SELECT id, name, base_url, fetch_mode, import_only FROM sites WHERE id = @siteId", new { siteId }, cancellationToken: ct));
        return site is null ? null : await ReadAsync(c, site, runs, ct);
    }

    private static async Task<SiteHealth> ReadAsync(DbConnection c, SiteData site, int count, CancellationToken ct)
    {
        var runs = (await c.QueryAsync<RunData>(new CommandDefinition("""
            SELECT id, trigger, status, observed_at, started_at, finished_at, stats_json, health_note
            FROM crawl_runs WHERE site_id = @Id ORDER BY started_at DESC, id DESC LIMIT @count
            """, new { site.Id, count }, cancellationToken: ct)))
            .Select(r => new SiteRun(r.Id, r.Trigger, r.Status, r.ObservedAt, r.StartedAt, r.FinishedAt, Stats(r.StatsJson), r.HealthNote))
            .ToList();
        var runIds = runs.Select(r => r.RunId).ToList();
        IReadOnlyList<ErrorGroup> errors = [];
        if (runIds.Count > 0)
        {
            var groups = await c.QueryAsync<GroupData>(new CommandDefinition($"""
                SELECT error_kind, COUNT(*) AS count, COUNT(DISTINCT run_id) AS runs, MAX(fetched_at) AS last_at
                FROM crawl_requests WHERE {SqlIn.List(c, "run_id", "@runIds")} AND error_kind IS NOT NULL
                GROUP BY error_kind ORDER BY COUNT(*) DESC, error_kind
                """, new { runIds }, cancellationToken: ct));
            var latest = (await c.QueryAsync<LatestData>(new CommandDefinition($"""
                SELECT error_kind, error_message, url, fetched_at FROM crawl_requests
                WHERE {SqlIn.List(c, "run_id", "@runIds")} AND error_kind IS NOT NULL ORDER BY fetched_at DESC, id DESC
                """, new { runIds }, cancellationToken: ct))).GroupBy(l => l.ErrorKind).ToDictionary(g => g.Key, g => g.First());
            var snapshots = (await c.QueryAsync<SnapshotData>(new CommandDefinition($"""
                SELECT s.run_id, s.error_kind, s.url, s.message, s.evidence_id, e.sha256, s.captured_at
                FROM crawl_error_snapshots s LEFT JOIN evidence_blobs e ON e.id = s.evidence_id
                WHERE {SqlIn.List(c, "s.run_id", "@runIds")} ORDER BY s.captured_at DESC
                """, new { runIds }, cancellationToken: ct))).ToLookup(s => s.ErrorKind);
            var kinds = groups.Select(g => g.ErrorKind).Concat(snapshots.Select(s => s.Key)).Distinct().ToList();
            var byKind = groups.ToDictionary(g => g.ErrorKind);
            errors = [.. kinds.Select(kind =>
            {
                var g = byKind.GetValueOrDefault(kind);
                var last = latest.GetValueOrDefault(kind);
                return new ErrorGroup(kind, (int)(g?.Count ?? 0), (int)(g?.Runs ?? snapshots[kind].Select(s => s.RunId).Distinct().Count()),
                    g?.LastAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, last?.ErrorMessage, last?.Url,
                    [.. snapshots[kind].Select(s => new ErrorSnapshotView(s.RunId, s.Url, s.Message, s.EvidenceId, s.Sha256, s.CapturedAt))]);
            })];
        }
        return new SiteHealth(site.Id, site.Name, site.BaseUrl, site.FetchMode, site.ImportOnly, runs,
            runs.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            [.. runs.Where(r => r.Status == "suspect" || r.HealthNote is not null)], errors);
    }

    private static CrawlRunStats? Stats(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<CrawlRunStats>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record SiteData
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string? BaseUrl { get; init; }
        public string FetchMode { get; init; } = "http";
        public bool ImportOnly { get; init; }
    }

    private sealed record RunData
    {
        public long Id { get; init; }
        public string Trigger { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset ObservedAt { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? FinishedAt { get; init; }
        public string? StatsJson { get; init; }
        public string? HealthNote { get; init; }
    }

    private sealed record GroupData
    {
        public string ErrorKind { get; init; } = "";
        public long Count { get; init; }
        public long Runs { get; init; }
        public long? LastAt { get; init; }
    }

    private sealed record LatestData
    {
        public string ErrorKind { get; init; } = "";
        public string? ErrorMessage { get; init; }
        public string? Url { get; init; }
        public long? FetchedAt { get; init; }
    }

    private sealed record SnapshotData
    {
        public long RunId { get; init; }
        public string ErrorKind { get; init; } = "";
        public string Url { get; init; } = "";
        public string? Message { get; init; }
        public long? EvidenceId { get; init; }
        public string? Sha256 { get; init; }
        public DateTimeOffset CapturedAt { get; init; }
    }
}
