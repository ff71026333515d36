using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Extraction;
using AdWatch.Observability;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AdWatch.Geocoding;

/// <summary>
/// Extracts every stored ad version whose extraction has not run (<c>extracted_at IS NULL</c>): phones, places,
/// indicators, and image hashes. Reads only what the crawl stored, so it can be re-run after an extractor fix or a
/// gazetteer update (<see cref="ExtractionStore.ResetAllAsync"/>) without crawling again. Image bytes are fetched once
/// through the site's own fetch rules (allowed hosts, politeness, size cap), hashed, OCRed for phones written in them
/// (<see cref="ImagePhoneReader"/>, cached per URL in <c>image_phones</c>), and kept only as the re-encoded copy
/// <see cref="PhotoStore"/> makes (no metadata), which is all the dashboard and the dossier PDF ever show.
/// </summary>
public sealed class ExtractionPass(
    Database database,
    ExtractionStore store,
    GeocodingExtractor extractor,
    ImageFingerprinter fingerprinter,
    PhotoStore photos,
    ImagePhoneReader imagePhones,
    HttpFetcher fetcher,
    SiteCatalog sites,
    TimeProvider time,
    ILogger<ExtractionPass> logger,
    AdWatchTelemetry? telemetry = null)
{
    private const int Batch = 200;

    /// <summary>Extracts all pending versions; returns how many. Reports the running count to <paramref name="progress"/>.</summary>
    public async Task<int> RunAsync(CancellationToken ct, IProgress<int>? progress = null)
    {
        using var span = AdWatchTelemetry.Source.StartActivity("extraction.pass");
        var started = time.GetTimestamp();
        var done = 0;
        while (true)
        {
            var ids = await store.PendingVersionIdsAsync(Batch, ct);
            if (ids.Count == 0)
            {
                span?.SetTag("adwatch.versions", done);
                telemetry?.ExtractionPass(time.GetElapsedTime(started), done);
                return done;
            }
            foreach (var id in ids)
            {
                await ExtractAsync(id, ct);
                done++; // not inside Report(...): with no progress the ?. skips the argument too, and the count stayed 0
                progress?.Report(done);
            }
        }
    }

    private async Task ExtractAsync(long versionId, CancellationToken ct)
    {
        VersionText? version;
        await using (var connection = await database.OpenAsync(ct))
        {
            version = await connection.QuerySingleOrDefaultAsync<VersionText>(new CommandDefinition("""
                SELECT v.title, v.location_text, v.phone_text, v.body_text, v.image_urls, s.name AS site
                FROM ad_versions v JOIN ads a ON a.id = v.ad_id JOIN sites s ON s.id = a.site_id WHERE v.id = @versionId
                """, new { versionId }, cancellationToken: ct));
        }
        if (version is null)
        {
            return;
        }

        // The fields a site definition selected, in reading order; phone links stay links so wa.me numbers are found.
        var text = string.Join("\n", new[] { version.Title, version.LocationText, version.PhoneText, version.BodyText }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var links = (version.PhoneText ?? "").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || t.Contains("wa.me/", StringComparison.OrdinalIgnoreCase)
                        || t.Contains("whatsapp.com/", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var extraction = await extractor.ExtractAsync(new AdText(text, links, []), ct);
        var images = await HashImagesAsync(version, ct);
        var phonesInImages = await ImagePhonesAsync(images.Select(i => i.Url), ct);
        await store.SaveAsync(versionId, version.Title, version.BodyText, extraction, images, phonesInImages,
            sites.Find(version.Site)?.TitleBoilerplate ?? [], time.GetUtcNow(), ct);
    }

    private async Task<IReadOnlyList<(string Url, ulong? Hash)>> HashImagesAsync(VersionText version, CancellationToken ct)
    {
        var urls = string.IsNullOrEmpty(version.ImageUrls) ? [] : JsonSerializer.Deserialize<string[]>(version.ImageUrls) ?? [];
        var site = sites.Find(version.Site);
        var result = new List<(string, ulong?)>(urls.Length);
        foreach (var url in urls.Distinct(StringComparer.Ordinal))
        {
            result.Add((url, await HashAsync(url, site, ct)));
        }
        return result;
    }

    private async Task<ulong?> HashAsync(string url, SiteDefinition? site, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var cached = await connection.QuerySingleOrDefaultAsync<CachedImage>(new CommandDefinition(
            "SELECT phash, problem, image_sha256, store_problem FROM image_hashes WHERE url = @url", new { url }, cancellationToken: ct));
        // An image hashed before tesseract was installed (or before OCR existed) has no image_phones row yet.
        var needsOcr = cached?.Phash is not null && imagePhones.IsAvailable && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM image_phones WHERE url = @url", new { url }, cancellationToken: ct)) == 0;
        if (cached is not null && (cached.Problem is not null || cached.ImageSha256 is not null || cached.StoreProblem is not null || !photos.Enabled))
        {
            if (needsOcr && site is not null && Uri.TryCreate(url, UriKind.Absolute, out var again))
            {
                // Hashed before tesseract was installed (or before OCR existed): fetched once more, for OCR only.
                var refetched = await fetcher.FetchAsync(new FetchRequest(again, site), ct);
                if (refetched.IsSuccess)
                {
                    await ReadPhonesAsync(url, refetched.Body, ct);
                }
            }
            return cached.Phash is { } p ? unchecked((ulong)p) : null;
        }
        // Not cached; or hashed before photos were kept (or while keeping was off): fetched once more for its copy.

        ulong? hash = null;
        string? problem;
        string? fetchedKind = null;
        (string? Sha256, string? Problem) kept = (null, null);
        if (site is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            problem = site is null ? "no site definition to fetch it with (imported ad)" : "not an absolute URL";
        }
        else
        {
            var fetched = await fetcher.FetchAsync(new FetchRequest(uri, site), ct);
            fetchedKind = fetched.Error?.Kind;
            hash = fetched.IsSuccess ? fingerprinter.Compute(fetched.Body) : null;
            if (fetched.IsSuccess && (cached is null || needsOcr))
            {
                await ReadPhonesAsync(url, fetched.Body, ct);
            }
            problem = fetched.Error?.Message ?? (fetched.IsSuccess ? (hash is null ? "not a decodable image" : null) : $"HTTP {fetched.StatusCode}");
            if (hash is not null)
            {
                kept = await photos.KeepAsync(fetched.Body, ct);
            }
        }
        if (problem is not null || kept.Problem is not null)
        {
            // The problem text may quote the URL (an off-site redirect); the log gets the error's kind.
            logger.LogInformation("Image {ImageRef} of {Site} not hashed or not kept: {Problem}", LogRef.Of(url), site?.Name ?? "(imported)",
                fetchedKind ?? problem ?? kept.Problem);
        }
        if (cached is not null)
        {
            // Keep the hash the earlier fetch gave; only the copy (or why there is none) is new.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE image_hashes SET image_sha256 = @sha, store_problem = @storeProblem WHERE url = @url",
                new { url, sha = kept.Sha256, storeProblem = kept.Problem ?? problem }, cancellationToken: ct));
            return cached.Phash is { } p ? unchecked((ulong)p) : null;
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO image_hashes (url, phash, problem, fetched_at, image_sha256, store_problem) VALUES (@url, @phash, @problem, @at, @sha, @storeProblem)
            ON CONFLICT (url) DO NOTHING
            """, new { url, phash = hash is { } h ? unchecked((long)h) : (long?)null, problem, at = time.GetUtcNow(), sha = kept.Sha256,
                // Why no copy was kept: the copy's own problem, else why the image was not hashed (as the update above says).
                storeProblem = kept.Problem ?? (kept.Sha256 is null ? problem : null) },
            cancellationToken: ct));
        return hash;
    }

    private sealed record CachedImage
    {
        public long? Phash { get; init; }
        public string? Problem { get; init; }
        public string? ImageSha256 { get; init; }
        public string? StoreProblem { get; init; }
    }

    /// <summary>
    /// OCRs the fetched image once and caches what was read (often nothing) per URL. Without tesseract nothing is cached, so
    /// a re-extraction after tesseract was installed fetches the hashed image once more to read it (see <see cref="HashAsync"/>);
    /// the reader logs the install hint once.
    /// </summary>
    private async Task ReadPhonesAsync(string url, byte[] body, CancellationToken ct)
    {
        if (!imagePhones.IsAvailable)
        {
            await imagePhones.ReadAsync(body, ct); // logs the hint once
            return;
        }
        var phones = await imagePhones.ReadAsync(body, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO image_phones (url, phones_json, read_at) VALUES (@url, @json, @at) ON CONFLICT (url) DO NOTHING
            """, new { url, json = JsonSerializer.Serialize(phones, ImagePhoneJson), at = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>The phones read from these images (cached by <see cref="ReadPhonesAsync"/>), one per number, in image order.</summary>
    private async Task<IReadOnlyList<ImagePhone>> ImagePhonesAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        var found = new List<ImagePhone>();
        await using var connection = await database.OpenAsync(ct);
        foreach (var url in urls)
        {
            var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT phones_json FROM image_phones WHERE url = @url", new { url }, cancellationToken: ct));
            foreach (var phone in json is null ? [] : JsonSerializer.Deserialize<ImagePhone[]>(json, ImagePhoneJson) ?? [])
            {
                if (found.TrueForAll(p => p.E164 != phone.E164))
                {
                    found.Add(phone);
                }
            }
        }
        return found;
    }

    private static readonly JsonSerializerOptions ImagePhoneJson = new(JsonSerializerDefaults.Web);

    private sealed record VersionText
    {
        public string? Title { get; init; }
        public string? LocationText { get; init; }
        public string? PhoneText { get; init; }
        public string? BodyText { get; init; }
        public string? ImageUrls { get; init; }
        public required string Site { get; init; }
    }
}
