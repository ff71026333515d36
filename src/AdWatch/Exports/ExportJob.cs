using AdWatch.Exports.Webhooks;
using AdWatch.Exports.Zgw;
using AdWatch.Observability;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports;

/// <summary>
/// Runs one export (its argument is the export id only). Re-entrant: the outbox tells which steps are done. Retries with
/// backoff come from <c>Exports:MaxAttempts</c>/<c>Exports:RetryDelays</c>: the job schedules its own next attempt, because
/// Hangfire's <see cref="AutomaticRetryAttribute"/> takes only compile-time constants. After the last attempt the row stays
/// <c>failed</c> with its last error (shown on the dossier), and the Hangfire job fails too.
/// </summary>
public sealed class ExportJob(ExportStore store, LeadQuery leads, ZgwExporter zgw, ZgwStatusExporter zgwStatus, MeasureStatusExports measureStatuses,
    WebhookExporter webhook, IBackgroundJobClient jobs, IOptions<ExportsOptions> options, TimeProvider time, ILogger<ExportJob> logger,
    AdWatchTelemetry telemetry)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync(long exportId, CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(exportId, ct));

    private async Task RunCoreAsync(long exportId, CancellationToken ct)
    {
        var export = await store.GetAsync(exportId, ct) ?? throw new InvalidOperationException($"Export {exportId} does not exist.");
        if (export.Status == "done")
        {
            return;
        }
        var attempt = await store.BeginAttemptAsync(exportId, ct);
        export = (await store.GetAsync(exportId, ct))!;
        using var span = AdWatchTelemetry.Source.StartActivity("export");
        span?.SetTag("adwatch.export_id", exportId);
        span?.SetTag("adwatch.export_kind", export.Kind);
        span?.SetTag("adwatch.attempt", attempt);
        try
        {
            var outbox = export.OutboxJson;
            switch (export.Kind)
            {
                case ExportKinds.Zgw:
                    outbox = (await zgw.RunAsync(export, await LeadAsync(export, ct), ct)).ToJson();
                    break;
                case ExportKinds.ZgwStatus:
                    outbox = (await zgwStatus.RunAsync(export, ct)).ToJson();
                    break;
                case ExportKinds.Webhook:
                    await webhook.SendAsync(export, await LeadAsync(export, ct), ct);
                    outbox = System.Text.Json.JsonSerializer.Serialize(new { webhookId = WebhookExporter.MessageId(exportId) });
                    break;
                default:
                    throw new InvalidOperationException($"Export {exportId}: kind '{export.Kind}' is not a job.");
            }
            await store.SaveProgressAsync(exportId, "done", outbox, null, time.GetUtcNow(), ct);
            telemetry.Export(export.Kind, "done");
            logger.LogInformation("Export {Export} ({Kind}) of flag {Flag} done after {Attempts} attempt(s)", exportId, export.Kind, export.FlagId, attempt);
            if (export.Kind == ExportKinds.Zgw)
            {
                await SendMeasuresAsync(export.FlagId ?? 0, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var current = (await store.GetAsync(exportId, CancellationToken.None))!;
            var error = $"{e.GetType().Name}: {e.Message}";
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            if (attempt < options.Value.MaxAttempts)
            {
                var delays = options.Value.EffectiveRetryDelays;
                var delay = delays[Math.Min(attempt - 1, delays.Count - 1)];
                await store.SaveProgressAsync(exportId, "pending", current.OutboxJson, error, null, CancellationToken.None);
                jobs.Schedule<ExportJob>(j => j.RunAsync(exportId, CancellationToken.None), delay);
                telemetry.Export(export.Kind, "retry");
                logger.LogWarning("Export {Export} attempt {Attempt} failed ({Error}); next attempt in {Delay}", exportId, attempt, error, delay);
                return;
            }
            await store.SaveProgressAsync(exportId, "failed", current.OutboxJson, error, null, CancellationToken.None);
            telemetry.Export(export.Kind, "failed");
            logger.LogError(e, "Export {Export} failed after {Attempts} attempts", exportId, attempt);
            throw;
        }
    }

    private async Task<Lead> LeadAsync(ExportRow export, CancellationToken ct) =>
        await leads.GetAsync(export.FlagId ?? 0, ct) ?? throw new InvalidOperationException($"Export {export.Id}: flag {export.FlagId} does not exist.");

    /// <summary>The zaak exists now: the measures already recorded at its location follow as statuses. The export stays done if this fails; the sweep after analysis retries.</summary>
    private async Task SendMeasuresAsync(long flagId, CancellationToken ct)
    {
        try
        {
            await measureStatuses.AfterZgwExportAsync(flagId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Flag {Flag}: enqueueing its measures as zaak statuses failed; the sweep after the next analysis retries", flagId);
        }
    }
}
