using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AdWatch.Jobs;

/// <summary>
/// The scheduled crawl of one site, then extraction and analysis of what changed. The argument is the site name only;
/// the job is re-entrant: a retry after a crash resumes the site's unfinished run instead of starting a second one.
/// <see cref="ReplayAsync"/> crawls as of a given moment (a replayed day, e.g. the scale-out test's simulated week across
/// worker processes that run on the real clock) and analyses as of that moment too.
/// </summary>
public sealed class CrawlJob(CrawlRunner crawler, IBackgroundJobClient jobs, ILogger<CrawlJob> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(string site, CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(site, ct));

    /// <summary>Crawls <paramref name="site"/> as observed at <paramref name="observedAt"/>, then analyses as of that moment.</summary>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution("crawl-replay:{0}", 60)]
    public Task ReplayAsync(string site, DateTimeOffset observedAt, CancellationToken ct) =>
        JobStoreRedaction.RunAsync(() => RunCoreAsync(site, observedAt, ct));

    private async Task RunCoreAsync(string site, CancellationToken ct)
    {
        await CrawlAsync(site, null, "schedule", ct);
        jobs.Enqueue<AnalysisJob>(j => j.RunAsync(CancellationToken.None));
    }

    private async Task RunCoreAsync(string site, DateTimeOffset observedAt, CancellationToken ct)
    {
        await CrawlAsync(site, observedAt, "replay", ct);
        jobs.Enqueue<AnalysisJob>(j => j.RunAsOfAsync(observedAt, CancellationToken.None));
    }

    private async Task CrawlAsync(string site, DateTimeOffset? observedAt, string trigger, CancellationToken ct)
    {
        var result = await crawler.RunAsync(site, observedAt, trigger, ct);
        logger.LogInformation("Scheduled crawl of {Site}: run {RunId} {Status}", site, result.RunId, result.Status);
        if (result.Failure is { } failure)
        {
            throw new CrawlFailedException(site, result.RunId, failure); // nothing new to analyse; Hangfire retries later
        }
        if (result.HealthNote is { } note)
        {
            logger.LogWarning("Crawler health warning for {Site}: {Note}", site, note);
        }
    }
}
