using Dapper;
using AdWatch.Storage;

namespace AdWatch.Evidence;

/// <summary>
/// <c>adwatch export warc [--site S] [--since T] FILE</c>: a response record for the first sighting of every stored ad
/// version (its evidence bytes), and a revisit record for every later sighting of the same content.
/// </summary>
public sealed class WarcExporter(Database database, EvidenceStore evidence, TimeProvider time)
{
    public async Task<WarcExportResult> ExportAsync(string path, string? site, DateTimeOffset? since, CancellationToken ct)
    {
        var rows = await SightingsAsync(site, since, ct);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        await using var file = File.Create(path);
        using var warc = new WarcWriter(file, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
        warc.WriteInfo("AdWatch", time.GetUtcNow());
        int responses = 0, revisits = 0;
        var cache = new Dictionary<long, EvidenceBlob?>();
        foreach (var r in rows)
        {
            if (!cache.TryGetValue(r.EvidenceId, out var blob))
            {
                blob = await evidence.GetAsync(r.EvidenceId, ct);
                cache.Clear(); // keep at most one page in memory; rows are ordered by version
                cache[r.EvidenceId] = blob;
            }
            if (blob is null)
            {
                continue;
            }
            if (r.ObservedAt == r.VersionFirstSeenAt)
            {
                warc.WriteResponse(r.Url, r.ObservedAt, blob.HttpStatus ?? 200, blob.ContentType, blob.Content);
                responses++;
            }
            else
            {
                warc.WriteRevisit(r.Url, r.ObservedAt, blob.Url, r.VersionFirstSeenAt, blob.Content);
                revisits++;
            }
        }
        return new WarcExportResult(path, responses, revisits);
    }

    private async Task<IReadOnlyList<Sighting>> SightingsAsync(string? site, DateTimeOffset? since, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Sighting>(new CommandDefinition("""
            SELECT a.url AS Url, o.observed_at AS ObservedAt, v.first_seen_at AS VersionFirstSeenAt, v.evidence_id AS EvidenceId
            FROM observations o
            JOIN ad_versions v ON v.id = o.version_id
            JOIN ads a ON a.id = o.ad_id
            JOIN sites s ON s.id = a.site_id
            WHERE v.evidence_id IS NOT NULL
              AND (@site IS NULL OR s.name = @site)
              AND (@since IS NULL OR o.observed_at >= @since)
            ORDER BY v.evidence_id, o.observed_at
            """, new { site, since = since?.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return [.. rows];
    }

    private sealed class Sighting
    {
        public string Url { get; init; } = "";
        public DateTimeOffset ObservedAt { get; init; }
        public DateTimeOffset VersionFirstSeenAt { get; init; }
        public long EvidenceId { get; init; }
    }
}
