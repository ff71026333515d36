using AdWatch.Analysis;
using Microsoft.Extensions.Logging;

namespace AdWatch.Alerts;

/// <summary>After every analysis job: raise what is new (new flags, new activity, watched activity) and send it on.</summary>
public sealed class AlertFollowUp(AlertScan scan, AlertDelivery delivery, ILogger<AlertFollowUp> logger) : IAnalysisFollowUp
{
    public async Task AfterAnalysisAsync(AnalysisRun run, CancellationToken ct)
    {
        var raised = await scan.ScanAsync(ct);
        var (webhooks, emails) = await delivery.DeliverAsync(ct);
        if (raised.Count > 0 || webhooks > 0 || emails > 0)
        {
            logger.LogInformation("Analysis as of {AsOf}: raised {Alerts} alert(s); sent {Webhooks} webhook(s) and {Emails} e-mail(s)",
                run.Report.AsOf, raised.Count, webhooks, emails);
        }
    }
}
