using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AdWatch.Jobs;

/// <summary>
/// Extracts every stored ad version that is still pending, then runs the (incremental) analysis. One at a time: analysis
/// is global, and two runs at once would only repeat each other's work.
/// </summary>
public sealed class AnalysisJob(ExtractionPass extraction, AnalysisRunner analysis, ILogger<AnalysisJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var extracted = await extraction.RunAsync(ct);
        var run = await analysis.RunAsync(null, full: false, licensedVenuesFile: null, ct);
        logger.LogInformation("Extracted {Versions} ad versions; analysis ({Mode}) flags {Flagged} locations", extracted, run.Mode,
            run.Report.Locations.Count);
    }
}
