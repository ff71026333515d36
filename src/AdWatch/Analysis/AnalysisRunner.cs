using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>
/// Runs analysis end to end: catch up on text fingerprints, load, compute, write, read the report back, log the run.
/// <c>adwatch analyze</c> and the job after each crawl call <see cref="RunAsync"/>.
/// <para>
/// An incremental run (the default once a run is logged) recomputes only what the ads changed since the previous run can reach —
/// their link clusters and every location those touch, rebuilt from all its stays (see
/// <see cref="LinkClusters"/> and src/AdWatch/Analysis/README.md) — and writes only that scope; the result equals a full run (tested
/// day by day on random months). <c>--full</c>, the first run, a changed analysis.yaml or venues file or engine version, an as-of
/// earlier than the previous run, an expired venue permit and a re-extracted version all make a run full. The report is read back
/// from the database, so both print everything.
/// </para>
/// </summary>
public sealed class AnalysisRunner(Database database, TimeProvider time, IOptions<AnalysisFileOptions> files, ILogger<AnalysisRunner> logger)
{
    /// <param name="asOf">The analysis moment (default: now). Observations after it are ignored.</param>
    /// <param name="full">Recompute everything, ignoring what the previous run saw.</param>
    /// <param name="licensedVenuesFile">Overrides the venues file named in analysis.yaml.</param>
    public async Task<AnalysisRun> RunAsync(DateTimeOffset? asOf, bool full, string? licensedVenuesFile, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var at = asOf ?? started;
        var rulesFile = AppPaths.Resolve(files.Value.RulesFile);
        var options = AnalysisOptionsLoader.Load(rulesFile);
        var (venues, venuesText) = LoadVenues(options, rulesFile, licensedVenuesFile);
        var warnings = venues.Errors.ToList();
        foreach (var warning in warnings)
        {
            logger.LogWarning("Licensed venue skipped: {Problem}", warning);
        }
        var optionsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            (File.Exists(rulesFile) ? await File.ReadAllTextAsync(rulesFile, ct) : "") + "\n--\n" + venuesText + "\n--\nengine " + AnalysisEngine.Version)));

        await using var connection = await database.OpenAsync(ct);
        var last = await connection.QuerySingleOrDefaultAsync<RunData>(new CommandDefinition(
            "SELECT as_of, max_observation_id, max_extracted_at, max_phone_status_at, options_hash FROM analysis_runs ORDER BY id DESC LIMIT 1",
            cancellationToken: ct));
        // Fingerprints first, so the watermark below covers the ones this run catches up on.
        var fingerprinted = await new TextFingerprinter(database).RunAsync(all: false, started, ct);
        var watermark = await connection.QuerySingleAsync<RunData>(new CommandDefinition("""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM observations) AS max_observation_id,
                   (SELECT COALESCE(MAX(CASE WHEN COALESCE(fingerprinted_at, 0) > COALESCE(extracted_at, 0) THEN fingerprinted_at ELSE extracted_at END), 0)
                    FROM ad_versions) AS max_extracted_at,
                   (SELECT COALESCE(MAX(status_at), 0) FROM phones) AS max_phone_status_at
            """, cancellationToken: ct));
        var asOfDay = AnalysisDays.From(at);
        var mode = full || last is null || last.OptionsHash != optionsHash || at.ToUnixTimeMilliseconds() < last.AsOf
                   || PermitEnded(venues, AnalysisDays.FromUnixMilliseconds(last.AsOf), asOfDay)
                   || await ReExtractedAsync(connection, last, ct) ? "full" : "incremental";
        var changed = last is null ? null : await ChangedAdsAsync(connection, last, at, ct);

        var input = await new AnalysisInputLoader(database).LoadAsync(at, ct);
        var engine = new AnalysisEngine(options, venues);
        var scope = mode == "full" ? null : await AffectedAsync(connection, input, changed!, options, AnalysisDays.FromUnixMilliseconds(last!.AsOf), asOfDay, ct);
        var result = engine.Run(scope is null ? input : new AnalysisInput([.. input.Ads.Where(a => scope.AdIds.Contains(a.Id))], input.Phones, input.Places), at);
        var written = await new AnalysisWriter(database).WriteAsync(result, started, ct, scope);
        var report = await StoredReport.ReadAsync(connection, at, options, ct);

        var changedAds = changed?.Count ?? -1;
        var stats = JsonSerializer.Serialize(new
        {
            ads = input.Ads.Count, recomputedAds = scope?.AdIds.Count ?? input.Ads.Count, recomputedPlaces = scope?.PlaceIds.Count,
            advertisers = result.Advertisers.Count, locations = result.Locations.Count, flagged = report.Locations.Count, changedAds, fingerprinted,
            written.Stats.Inserted, written.Stats.Updated, written.Stats.Deleted,
        });
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO analysis_runs (mode, as_of, max_observation_id, max_extracted_at, max_phone_status_at, options_hash, started_at,
                                       finished_at, stats_json)
            VALUES (@mode, @asOf, @MaxObservationId, @MaxExtractedAt, @MaxPhoneStatusAt, @optionsHash, @started, @finished, @stats)
            """, new
        {
            mode, asOf = at.ToUnixTimeMilliseconds(), watermark.MaxObservationId, watermark.MaxExtractedAt, watermark.MaxPhoneStatusAt,
            optionsHash, started = started.ToUnixTimeMilliseconds(), finished = time.GetUtcNow().ToUnixTimeMilliseconds(), stats,
        }, cancellationToken: ct));
        logger.LogInformation("Analysis ({Mode}) as of {AsOf}: {Stats}", mode, AnalysisReport.Time(at), stats);
        return new AnalysisRun(report, result, written, mode, fingerprinted, changedAds, scope?.AdIds.Count ?? input.Ads.Count, warnings);
    }

    /// <summary>
    /// A version the previous run analysed was extracted or fingerprinted again since (after an extractor fix or a gazetteer
    /// update, usually all of them): its phones, places or hashes may be fewer now, and what they linked is not known any more —
    /// recompute everything.
    /// </summary>
    private static async Task<bool> ReExtractedAsync(DbConnection connection, RunData last, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM ad_versions v
            WHERE (v.extracted_at > @MaxExtractedAt OR v.fingerprinted_at > @MaxExtractedAt)
              AND EXISTS (SELECT 1 FROM observations o WHERE o.ad_id = v.ad_id AND o.version_id = v.id AND o.id <= @MaxObservationId)
            """, new { last.MaxExtractedAt, last.MaxObservationId }, cancellationToken: ct)) > 0;

    /// <summary>
    /// Ads whose facts changed since the previous run: new observations (by id, and by time when the as-of moved past older
    /// ones), versions extracted or fingerprinted since, and ads carrying a phone an analyst marked since.
    /// </summary>
    private static async Task<HashSet<long>> ChangedAdsAsync(DbConnection connection, RunData last, DateTimeOffset at, CancellationToken ct) =>
        [.. await connection.QueryAsync<long>(new CommandDefinition("""
            SELECT ad_id FROM observations WHERE id > @MaxObservationId
            UNION SELECT ad_id FROM observations WHERE observed_at > @AsOf AND observed_at <= @at
            UNION SELECT ad_id FROM ad_versions WHERE extracted_at > @MaxExtractedAt OR fingerprinted_at > @MaxExtractedAt
            UNION SELECT v.ad_id FROM phones p JOIN ad_phones ap ON ap.phone_id = p.id JOIN ad_versions v ON v.id = ap.version_id
                  WHERE p.status_at > @MaxPhoneStatusAt
            """, new { last.MaxObservationId, last.AsOf, at = at.ToUnixTimeMilliseconds(), last.MaxExtractedAt, last.MaxPhoneStatusAt },
            cancellationToken: ct))];

    /// <summary>
    /// What a change can reach (see <see cref="LinkClusters"/>). Affected ads: every ad of a cluster that holds a changed ad or
    /// an ad carrying a hash that just turned into stock, so an advertiser that splits or merges is recomputed whole (between runs
    /// the relation only grows otherwise, so a cluster as stored lies inside the cluster as it is now). Affected places: where the
    /// affected ads' advertisers had stays, where the ads are now, and, when the as-of day moved, every actively flagged place with
    /// a stay in the last flag window (its scored window may move). The scope is the affected ads plus every cluster with a stay or an ad at
    /// an affected place, so each affected location is rebuilt from all of its stays.
    /// </summary>
    private static async Task<AnalysisScope> AffectedAsync(DbConnection connection, AnalysisInput input, HashSet<long> changed,
        AnalysisOptions options, int lastAsOfDay, int asOfDay, CancellationToken ct)
    {
        var position = new Dictionary<long, int>(input.Ads.Count);
        for (var i = 0; i < input.Ads.Count; i++)
        {
            position[input.Ads[i].Id] = i;
        }
        var keys = input.Ads.Select(a => AnalysisEngine.KeysOf(a, input)).ToArray();
        var shared = LinkClusters.Shared(keys.Length, i => keys[i], options.MaxSharedHashAds);
        var clusters = new UnionFind(input.Ads.Count);
        LinkClusters.Join(clusters, input.Ads.Count, i => keys[i], shared, options.ImageHammingThreshold, options.TextHammingThreshold);
        var links = (await connection.QueryAsync<(long AdId, long AdvertiserId)>(new CommandDefinition(
            "SELECT ad_id, advertiser_id FROM advertiser_ads", cancellationToken: ct))).ToList();

        var seeds = changed.Where(position.ContainsKey).Select(id => position[id]).ToList();
        seeds.AddRange(TurnedShared(keys, k => k.Images, shared.Images, seeds, options.MaxSharedHashAds, options.ImageHammingThreshold));
        seeds.AddRange(TurnedShared(keys, k => k.Texts, shared.Texts, seeds, options.MaxSharedHashAds, options.TextHammingThreshold));
        var roots = seeds.Select(clusters.Find).ToHashSet();
        var affected = input.Ads.Where((_, i) => roots.Contains(clusters.Find(i))).Select(a => a.Id).ToHashSet();

        var stays = (await connection.QueryAsync<(long AdvertiserId, long PlaceId, long EndAt)>(new CommandDefinition(
            "SELECT s.advertiser_id, l.place_id, s.end_at FROM stays s JOIN locations l ON l.id = s.location_id", cancellationToken: ct))).ToList();
        var affectedAdvertisers = links.Where(l => affected.Contains(l.AdId)).Select(l => l.AdvertiserId).ToHashSet();
        var places = stays.Where(s => affectedAdvertisers.Contains(s.AdvertiserId)).Select(s => s.PlaceId).ToHashSet();
        places.UnionWith(input.Ads.Where(a => affected.Contains(a.Id)).SelectMany(a => a.Versions).SelectMany(v => v.PlaceIds)
            .Where(id => input.Places.TryGetValue(id, out var place) && place.FormsLocation));
        if (asOfDay != lastAsOfDay)
        {
            // Whether a location qualifies does not depend on the as-of day (the scored window is the one with the most short-stay
            // advertisers), but which window is scored does when the latest window ties it — so the score and reasons of an active
            // flag with a stay in the last window may change. Nothing else stored does.
            var windowStart = AnalysisDays.Start(Math.Min(asOfDay, lastAsOfDay) - options.WindowDays + 1).ToUnixTimeMilliseconds();
            var flagged = (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT l.place_id FROM flags f JOIN locations l ON l.id = f.location_id WHERE f.active", cancellationToken: ct))).ToHashSet();
            places.UnionWith(stays.Where(s => s.EndAt >= windowStart && flagged.Contains(s.PlaceId)).Select(s => s.PlaceId));
        }

        var advertisersThere = stays.Where(s => places.Contains(s.PlaceId)).Select(s => s.AdvertiserId).ToHashSet();
        foreach (var (adId, advertiserId) in links)
        {
            if (advertisersThere.Contains(advertiserId) && position.TryGetValue(adId, out var p))
            {
                roots.Add(clusters.Find(p));
            }
        }
        for (var i = 0; i < input.Ads.Count; i++)
        {
            if (input.Ads[i].Versions.Any(v => v.PlaceIds.Any(places.Contains)))
            {
                roots.Add(clusters.Find(i));
            }
        }
        return new AnalysisScope(input.Ads.Where((_, i) => roots.Contains(clusters.Find(i))).Select(a => a.Id).ToHashSet(), places);
    }

    /// <summary>
    /// A hash that is stock or boilerplate now but may not have been before — without the changed ads it would not be — linked
    /// ads it no longer links: every ad carrying it, or a hash near it, must be recomputed. (Facts of unchanged ads do not change,
    /// and a re-extraction, the one way a count can drop, makes the run full.)
    /// </summary>
    private static IEnumerable<int> TurnedShared(LinkClusters.Keys[] keys, Func<LinkClusters.Keys, IEnumerable<ulong>> hashes,
        HashSet<ulong> shared, List<int> changed, int max, int threshold)
    {
        var changedCarrying = new Dictionary<ulong, int>();
        foreach (var i in changed)
        {
            foreach (var h in hashes(keys[i]).Distinct().Where(shared.Contains))
            {
                changedCarrying[h] = changedCarrying.GetValueOrDefault(h) + 1;
            }
        }
        if (changedCarrying.Count == 0)
        {
            return [];
        }
        var carriers = new Dictionary<ulong, List<int>>();
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var h in hashes(keys[i]).Distinct())
            {
                (carriers.TryGetValue(h, out var list) ? list : carriers[h] = []).Add(i);
            }
        }
        var turned = changedCarrying.Where(kv => carriers[kv.Key].Count - kv.Value <= max).Select(kv => kv.Key).ToList();
        if (turned.Count == 0)
        {
            return [];
        }
        var index = new HammingIndex(carriers.Keys, threshold);
        return turned.SelectMany(index.Near).Distinct().SelectMany(h => carriers[h]);
    }

    /// <summary>A licensed venue's permit ran out between the previous as-of day and this one: its location may be flagged now.</summary>
    private static bool PermitEnded(LicensedVenueList venues, int fromDay, int toDay)
    {
        var from = DateOnly.FromDateTime(AnalysisDays.Start(Math.Min(fromDay, toDay)).UtcDateTime);
        var to = DateOnly.FromDateTime(AnalysisDays.Start(Math.Max(fromDay, toDay)).UtcDateTime);
        return venues.Venues.Any(v => v.ValidUntil is { } until && until >= from && until < to);
    }

    /// <summary>
    /// An analyst marks a phone <c>ok</c>, <c>generic</c> or <c>bad</c>; the analysis re-runs at once, as of the previous run's
    /// as-of time (so a replayed demo stays in its own time), dropping or restoring every link through that phone.
    /// Returns null, changing nothing, when the number is unknown.
    /// </summary>
    public async Task<AnalysisRun?> SetPhoneStatusAsync(string e164, string status, string? note, string by, CancellationToken ct)
    {
        if (!await new Geocoding.ExtractionStore(database).SetPhoneStatusAsync(e164, status, note, by, time.GetUtcNow(), ct))
        {
            return null;
        }
        await using var connection = await database.OpenAsync(ct);
        var lastAsOf = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT as_of FROM analysis_runs ORDER BY id DESC LIMIT 1", cancellationToken: ct));
        return await RunAsync(lastAsOf is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, full: false, null, ct);
    }

    private static (LicensedVenueList, string) LoadVenues(AnalysisOptions options, string rulesFile, string? explicitFile)
    {
        if (explicitFile is not null && !File.Exists(explicitFile))
        {
            throw new AnalysisConfigException($"Licensed venues file not found: {Path.GetFullPath(explicitFile)} (from --licensed-venues).");
        }
        var file = explicitFile ?? (string.IsNullOrWhiteSpace(options.LicensedVenues) ? null
            : Path.Combine(Path.GetDirectoryName(rulesFile) ?? ".", options.LicensedVenues));
        if (file is null || !File.Exists(file))
        {
            return (LicensedVenueList.Empty, "");
        }
        var text = File.ReadAllText(file);
        return (LicensedVenueList.Parse(new StringReader(text), Path.GetFileName(file)), text);
    }

    private sealed class RunData
    {
        public long AsOf { get; init; }
        public long MaxObservationId { get; init; }
        public long MaxExtractedAt { get; init; }
        public long MaxPhoneStatusAt { get; init; }
        public string OptionsHash { get; init; } = "";
    }
}
