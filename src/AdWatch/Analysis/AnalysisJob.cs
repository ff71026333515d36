using AdWatch.Geocoding;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AdWatch.Analysis;

/// <summary>
/// The analysis as a background job. <see cref="RunAsync"/> follows each crawl: extract every stored version still pending, then
/// analyse as of now. <see cref="RerunAsync"/> follows a phone mark (<see cref="PhoneMarking"/>): analyse again as of the previous
/// run. <see cref="RunAsOfAsync"/> follows a replayed crawl (<see cref="Jobs.CrawlJob.ReplayAsync"/>): extract, then analyse as
/// of the replayed moment. Hangfire runs one of each at a time; <see cref="AnalysisLock"/> makes any two runs take turns.
/// </summary>
public sealed class AnalysisJob(ExtractionPass extraction, AnalysisRunner analysis, IEnumerable<IAnalysisFollowUp> followUps,
    ILogger<AnalysisJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(ct));

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsOfAsync(DateTimeOffset asOf, CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(ct, asOf));

    private async Task RunCoreAsync(CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var extracted = await extraction.RunAsync(ct);
        var run = await analysis.RunAsync(asOf, licensedVenuesFile: null, ct);
        logger.LogInformation("Extracted {Versions} ad versions; analysis flags {Flagged} locations", extracted, run.Report.Locations.Count);
        await FollowUpAsync(run, ct);
    }

    private async Task FollowUpAsync(AnalysisRun run, CancellationToken ct)
    {
        foreach (var followUp in followUps)
        {
            await followUp.AfterAnalysisAsync(run, ct);
        }
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RerunAsync(CancellationToken ct) => JobStoreRedaction.RunAsync(() => RerunCoreAsync(ct));

    private async Task RerunCoreAsync(CancellationToken ct)
    {
        var run = await analysis.RerunAsync(ct);
        logger.LogInformation("Analysis re-run as of {AsOf} flags {Flagged} locations", run.Report.AsOf, run.Report.Locations.Count);
        await FollowUpAsync(run, ct);
    }
}
