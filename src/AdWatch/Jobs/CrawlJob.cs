using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace AdWatch.Jobs;

/// <summary>
/// The scheduled crawl of one site, then extraction and analysis of what changed. The argument is the site name only;
/// the job is re-entrant: a retry after a crash resumes the site's unfinished run instead of starting a second one.
/// </summary>
public sealed class CrawlJob(CrawlRunner crawler, IBackgroundJobClient jobs, ILogger<CrawlJob> logger)
{
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(string site, CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(site, ct));

    private async Task RunCoreAsync(string site, CancellationToken ct)
    {
        var result = await crawler.RunAsync(site, null, "schedule", ct);
        logger.LogInformation("Scheduled crawl of {Site}: run {RunId} {Status}", site, result.RunId, result.Status);
        if (result.Failure is { } failure)
        {
            throw new CrawlFailedException(site, result.RunId, failure); // nothing new to analyse; Hangfire retries later
        }
        if (result.HealthNote is { } note)
        {
            logger.LogWarning("Crawler health warning for {Site}: {Note}", site, note);
        }
        jobs.Enqueue<AnalysisJob>(j => j.RunAsync(CancellationToken.None));
    }
}
