using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Fills <c>ad_versions.text_simhash</c> and <c>advertiser_name</c> for versions not fingerprinted yet, or extracted again since
/// (a new extraction may find other phone and address slots to cut out). Done once per version, so a full analysis does not
/// re-read every ad text.
/// </summary>
public sealed class TextFingerprinter(Database database)
{
    private const int Batch = 5_000;

    /// <summary>Fingerprints pending versions (every version when <paramref name="all"/>); returns how many.</summary>
    public async Task<int> RunAsync(bool all, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var pending = (await connection.QueryAsync<(long Id, string? Title, string? Body)>(new CommandDefinition(all
            ? "SELECT id, title, body_text FROM ad_versions"
            : """
              SELECT id, title, body_text FROM ad_versions
              WHERE fingerprinted_at IS NULL OR (extracted_at IS NOT NULL AND extracted_at > fingerprinted_at)
              """, cancellationToken: ct))).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }
        var slots = new Dictionary<long, List<string>>();
        var wanted = pending.Select(p => p.Id).ToHashSet();
        await foreach (var (versionId, raw) in connection.QueryUnbufferedAsync<(long, string)>(
                           "SELECT version_id, raw FROM ad_phones UNION ALL SELECT version_id, raw FROM ad_places", null).WithCancellation(ct))
        {
            if (wanted.Contains(versionId))
            {
                (slots.TryGetValue(versionId, out var list) ? list : slots[versionId] = []).Add(raw);
            }
        }

        foreach (var chunk in pending.Chunk(Batch))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var rows = chunk.Select(v =>
            {
                var name = AdvertiserNameExtractor.Extract(v.Title, v.Body);
                var versionSlots = slots.GetValueOrDefault(v.Id) ?? [];
                if (name is not null)
                {
                    versionSlots.Add(name);
                }
                var hash = TextFingerprint.Compute($"{v.Title}\n{v.Body}", versionSlots);
                return new { v.Id, Hash = hash is { } h ? unchecked((long)h) : (long?)null, Name = name, At = at };
            });
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE ad_versions SET text_simhash = @Hash, advertiser_name = @Name, fingerprinted_at = @At WHERE id = @Id",
                rows, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        return pending.Count;
    }
}
