using AdWatch.Sites;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Extraction;

/// <summary>
/// The text fingerprint of an ad version: <c>ad_versions.text_simhash</c> and <c>advertiser_name</c>. Extraction computes it with
/// the version's other facts (<see cref="Fingerprint"/>, called by the extraction store), so analysis never re-reads ad texts;
/// <see cref="RunAsync"/> catches up on versions that lack one (stored before fingerprints existed, or imported with
/// <c>extracted_at</c> but no fingerprint) or were extracted again since.
/// </summary>
/// <param name="database">The database.</param>
/// <param name="sites">The site definitions, for each site's <c>titleBoilerplate</c>; without them no title wording is cut.</param>
public sealed class TextFingerprinter(Database database, SiteCatalog? sites = null)
{
    private const int Batch = 5_000;

    /// <summary>
    /// SimHash of title and body with the version's slots cut out (the raw phone and address mentions extraction found, and
    /// the advertiser's name, and the site's own title wording <paramref name="titleBoilerplate"/>), and that name. Pure: the same
    /// text and slots always give the same fingerprint.
    /// </summary>
    public static (ulong? Hash, string? Name) Fingerprint(string? title, string? body, IEnumerable<string> slots,
        IReadOnlyList<string>? titleBoilerplate = null)
    {
        var name = AdvertiserNameExtractor.Extract(title, body, titleBoilerplate);
        var all = titleBoilerplate is { Count: > 0 } ? slots.Concat(titleBoilerplate) : slots;
        all = name is null ? all : all.Append(name);
        return (TextFingerprint.Compute($"{title}\n{body}", all), name);
    }

    /// <summary>Fingerprints pending versions (every version when <paramref name="all"/>); returns how many.</summary>
    public async Task<int> RunAsync(bool all, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var pending = (await connection.QueryAsync<(long Id, string? Title, string? Body, string Site)>(new CommandDefinition(all
            ? "SELECT v.id, v.title, v.body_text, s.name FROM ad_versions v JOIN ads a ON a.id = v.ad_id JOIN sites s ON s.id = a.site_id"
            : """
              SELECT v.id, v.title, v.body_text, s.name FROM ad_versions v JOIN ads a ON a.id = v.ad_id JOIN sites s ON s.id = a.site_id
              WHERE v.fingerprinted_at IS NULL OR (v.extracted_at IS NOT NULL AND v.extracted_at > v.fingerprinted_at)
              """, cancellationToken: ct))).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }
        var slots = new Dictionary<long, List<string>>();
        var wanted = pending.Select(p => p.Id).ToHashSet();
        await foreach (var (versionId, raw) in connection.QueryUnbufferedAsync<(long, string)>(
                           // Phones OCR read from images are not in the text: only text mentions are cut (as ExtractionStore does).
                           "SELECT version_id, raw FROM ad_phones WHERE source = 'text' UNION ALL SELECT version_id, raw FROM ad_places", null).WithCancellation(ct))
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
                var (hash, name) = Fingerprint(v.Title, v.Body, slots.GetValueOrDefault(v.Id) ?? [], sites?.Find(v.Site)?.TitleBoilerplate);
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
