using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Observability;
using AdWatch.Sites;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>
/// Runs analysis end to end: catch up on text fingerprints, load everything, compute, write what differs, read the report back,
/// log the run in <c>analysis_runs</c>. <c>adwatch analyze</c>, <see cref="AnalysisJob"/> (after each crawl and after a phone
/// mark) and the retention purge call it; runs take turns (<see cref="AnalysisLock"/>).
/// </summary>
public sealed class AnalysisRunner(Database database, TimeProvider time, AnalysisRules rules, IOptions<RegionOptions> region,
    ILogger<AnalysisRunner> logger, SiteCatalog? sites = null, AdWatchTelemetry? telemetry = null)
{
    /// <param name="asOf">The analysis moment (default: now). Observations after it are ignored.</param>
    /// <param name="licensedVenuesFile">Overrides the venues file named in analysis.yaml.</param>
    public async Task<AnalysisRun> RunAsync(DateTimeOffset? asOf, string? licensedVenuesFile, CancellationToken ct)
    {
        await using var held = await AnalysisLock.AcquireAsync(database, ct);
        using var span = AdWatchTelemetry.Source.StartActivity("analysis.run");
        var timer = time.GetTimestamp();
        var started = time.GetUtcNow();
        var at = asOf ?? started;
        var options = rules.Load();
        var venues = LoadVenues(options, licensedVenuesFile);
        var warnings = venues.Errors.ToList();
        foreach (var warning in warnings)
        {
            logger.LogWarning("Licensed venue skipped: {Problem}", warning);
        }
        var regionCodes = region.Value.MunicipalityCodes.Count > 0 ? region.Value.MunicipalityCodes : [.. RegionOptions.VeluweWest];

        var fingerprinted = await new TextFingerprinter(database, sites).RunAsync(all: false, started, ct);
        var input = await new AnalysisInputLoader(database).LoadAsync(at, ct);
        var result = new AnalysisEngine(options, regionCodes, venues).Run(input, at);
        var written = await new AnalysisWriter(database).WriteAsync(result, started, ct);
        await using var connection = await database.OpenAsync(ct);
        var report = await StoredReport.ReadAsync(connection, at, options, regionCodes, ct);

        var stats = JsonSerializer.Serialize(new
        {
            ads = input.Ads.Count, advertisers = result.Advertisers.Count, locations = result.Locations.Count, flagged = report.Locations.Count,
            fingerprinted, written.Stats.Inserted, written.Stats.Updated, written.Stats.Deleted,
        });
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO analysis_runs (as_of, started_at, finished_at, stats_json) VALUES (@asOf, @started, @finished, @stats)
            """, new
        {
            asOf = at.ToUnixTimeMilliseconds(), started = started.ToUnixTimeMilliseconds(), finished = time.GetUtcNow().ToUnixTimeMilliseconds(), stats,
        }, cancellationToken: ct));
        logger.LogInformation("Analysis as of {AsOf}: {Stats}", AnalysisReport.Time(at), stats);
        span?.SetTag("adwatch.flagged", report.Locations.Count);
        telemetry?.AnalysisRun(time.GetElapsedTime(timer), report.Locations.Select(l => l.MunicipalityCode));
        return new AnalysisRun(report, result, written, fingerprinted, warnings);
    }

    /// <summary>
    /// Runs again as of the previous run's as-of time (so a replayed demo stays in its own time; now when there was none): after an
    /// analyst marked a phone, which drops or restores every link through it.
    /// </summary>
    public async Task<AnalysisRun> RerunAsync(CancellationToken ct)
    {
        long? lastAsOf;
        await using (var connection = await database.OpenAsync(ct))
        {
            lastAsOf = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT as_of FROM analysis_runs ORDER BY id DESC LIMIT 1", cancellationToken: ct));
        }
        return await RunAsync(lastAsOf is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, null, ct);
    }

    private LicensedVenueList LoadVenues(AnalysisOptions options, string? explicitFile)
    {
        if (explicitFile is not null && !File.Exists(explicitFile))
        {
            throw new AnalysisConfigException($"Licensed venues file not found: {Path.GetFullPath(explicitFile)} (from --licensed-venues).");
        }
        var file = explicitFile ?? rules.VenuesFile(options);
        if (file is null || !File.Exists(file))
        {
            return LicensedVenueList.Empty;
        }
        using var reader = new StreamReader(file);
        return LicensedVenueList.Parse(reader, Path.GetFileName(file));
    }
}
