using AdWatch.Geocoding;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AdWatch.Analysis;

/// <summary>
/// The analysis as a background job. <see cref="RunAsync"/> follows each crawl: extract every stored version still pending, then
/// analyse as of now. <see cref="RerunAsync"/> follows a phone mark (<see cref="PhoneMarking"/>): analyse again as of the previous
/// run. Hangfire runs one of each at a time; <see cref="AnalysisLock"/> makes any two runs take turns.
/// </summary>
public sealed class AnalysisJob(ExtractionPass extraction, AnalysisRunner analysis, Alerts.AlertScan alerts, Alerts.AlertDelivery delivery,
    ILogger<AnalysisJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken ct)
    {
        var extracted = await extraction.RunAsync(ct);
        var run = await analysis.RunAsync(null, licensedVenuesFile: null, ct);
        logger.LogInformation("Extracted {Versions} ad versions; analysis flags {Flagged} locations", extracted, run.Report.Locations.Count);
        await AlertAsync(ct);
    }

    /// <summary>After every analysis: raise what is new (new flags, new activity, watched activity) and send it on.</summary>
    private async Task AlertAsync(CancellationToken ct)
    {
        var raised = await alerts.ScanAsync(ct);
        var (webhooks, emails) = await delivery.DeliverAsync(ct);
        if (raised.Count > 0)
        {
            logger.LogInformation("Raised {Alerts} alert(s); {Webhooks} webhook(s) and {Emails} e-mail(s) sent", raised.Count, webhooks, emails);
        }
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RerunAsync(CancellationToken ct)
    {
        var run = await analysis.RerunAsync(ct);
        logger.LogInformation("Analysis re-run as of {AsOf} flags {Flagged} locations", run.Report.AsOf, run.Report.Locations.Count);
        await AlertAsync(ct);
    }
}
