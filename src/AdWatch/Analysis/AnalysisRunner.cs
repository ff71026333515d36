using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>
/// Runs analysis end to end: fingerprint new ad texts, load, compute, write, log the run. <c>adwatch analyze</c> calls
/// <see cref="RunAsync"/>.
/// <para>
/// Full and incremental runs compute the same thing and so give the same result by construction. Linking is global — one new ad
/// can join two advertisers, a phone marked bad can split one anywhere, a new interior photo can make an attachment ambiguous — so
/// the engine always recomputes everything in memory (cheap: see the analysis benchmark), and incrementality lives where the cost
/// is: only versions changed since the watermark are fingerprinted, and only rows that differ are written. <c>--full</c> ignores
/// the watermark; text fingerprints are facts of a version (extraction stores them) and are only redone when it is extracted again. A change of analysis.yaml or the venues file, or an as-of earlier than
/// the previous run, makes a run full.
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
            (File.Exists(rulesFile) ? await File.ReadAllTextAsync(rulesFile, ct) : "") + "\n--\n" + venuesText)));

        await using var connection = await database.OpenAsync(ct);
        var last = await connection.QuerySingleOrDefaultAsync<RunData>(new CommandDefinition(
            "SELECT as_of, max_observation_id, max_extracted_at, max_phone_status_at, options_hash FROM analysis_runs ORDER BY id DESC LIMIT 1",
            cancellationToken: ct));
        var mode = full || last is null || last.OptionsHash != optionsHash || at.ToUnixTimeMilliseconds() < last.AsOf ? "full" : "incremental";
        var watermark = await connection.QuerySingleAsync<RunData>(new CommandDefinition("""
            SELECT (SELECT COALESCE(MAX(id), 0) FROM observations) AS max_observation_id,
                   (SELECT COALESCE(MAX(extracted_at), 0) FROM ad_versions) AS max_extracted_at,
                   (SELECT COALESCE(MAX(status_at), 0) FROM phones) AS max_phone_status_at
            """, cancellationToken: ct));
        var changedAds = last is null ? -1 : await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT COUNT(*) FROM (
                SELECT ad_id FROM observations WHERE id > @MaxObservationId
                UNION SELECT ad_id FROM ad_versions WHERE extracted_at > @MaxExtractedAt
                UNION SELECT v.ad_id FROM phones p JOIN ad_phones ap ON ap.phone_id = p.id JOIN ad_versions v ON v.id = ap.version_id
                      WHERE p.status_at > @MaxPhoneStatusAt
            ) changed
            """, last, cancellationToken: ct));

        var fingerprinted = await new TextFingerprinter(database).RunAsync(all: false, started, ct);
        var input = await new AnalysisInputLoader(database).LoadAsync(at, ct);
        var result = new AnalysisEngine(options, venues).Run(input, at);
        var written = await new AnalysisWriter(database).WriteAsync(result, started, ct);

        var stats = JsonSerializer.Serialize(new
        {
            ads = input.Ads.Count, advertisers = result.Advertisers.Count, locations = result.Locations.Count,
            flagged = result.Flagged.Count(), changedAds, fingerprinted, written.Stats.Inserted, written.Stats.Updated, written.Stats.Deleted,
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
        return new AnalysisRun(AnalysisReport.From(result, options, written), result, written, mode, fingerprinted, changedAds, warnings);
    }

    /// <summary>
    /// An analyst marks a phone <c>ok</c>, <c>generic</c> or <c>bad</c>; the analysis re-runs at once, as of the previous run's
    /// as-of time (so a replayed demo stays in its own time), dropping or restoring every link through that phone.
    /// Returns null, changing nothing, when the number is unknown.
    /// </summary>
    public async Task<AnalysisRun?> SetPhoneStatusAsync(string e164, string status, string? note, string by, CancellationToken ct)
    {
        if (!await new Extraction.ExtractionStore(database).SetPhoneStatusAsync(e164, status, note, by, time.GetUtcNow(), ct))
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
