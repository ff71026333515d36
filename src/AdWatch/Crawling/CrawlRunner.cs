using System.Diagnostics;
using System.Text.Json;
using AdWatch.Observability;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Crawling;

/// <summary>
/// Runs one crawl of one site, re-entrantly: a site's unfinished run whose lease expired (a crashed or killed worker)
/// is resumed instead of starting a second one. Each request is leased, so a resume refetches only unfinished work.
/// The lifecycle diff runs only for a healthy run, in the same transaction that closes the run.
/// </summary>
public sealed class CrawlRunner(
    SiteCatalog catalog,
    SiteStore sites,
    CrawlRunStore runs,
    ICaptureStore captures,
    Database database,
    HttpFetcher httpFetcher,
    BrowserFetcher browserFetcher,
    HostThrottle throttle,
    TimeProvider time,
    IOptions<CrawlingOptions> options,
    ILogger<CrawlRunner> logger,
    AdWatchTelemetry telemetry)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Identifies this worker in lease columns.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}"[..^24];

    /// <summary>Crawls the named site (<c>adwatch crawl SITE [--now T]</c>); <paramref name="observedAt"/> replays a day.</summary>
    public Task<CrawlRunResult> RunAsync(string siteName, DateTimeOffset? observedAt, string trigger, CancellationToken ct, IProgress<CrawlProgress>? progress = null) =>
        RunAsync(catalog.Get(siteName), observedAt, trigger, ct, progress);

    /// <summary>Crawls a given definition (tests, benchmarks, sites with run-time overrides).</summary>
    public async Task<CrawlRunResult> RunAsync(SiteDefinition site, DateTimeOffset? observedAt, string trigger, CancellationToken ct, IProgress<CrawlProgress>? progress = null)
    {
        using var span = AdWatchTelemetry.Source.StartActivity("crawl.run");
        span?.SetTag("adwatch.site", site.Name);
        span?.SetTag("adwatch.trigger", trigger);
        var started = time.GetTimestamp();
        var result = await RunCoreAsync(site, observedAt, trigger, ct, progress);
        span?.SetTag("adwatch.run_id", result.RunId);
        span?.SetTag("adwatch.status", result.Status);
        if (result.Status != "completed")
        {
            span?.SetStatus(ActivityStatusCode.Error, result.Status);
        }
        var stats = result.Stats;
        telemetry.CrawlRun(site.Name, result.Status, time.GetElapsedTime(started),
            stats?.AdsNew ?? 0, stats?.AdsChanged ?? 0, (stats?.AdsGoneExplicit ?? 0) + (stats?.AdsGoneMissing ?? 0));
        return result;
    }

    private async Task<CrawlRunResult> RunCoreAsync(SiteDefinition site, DateTimeOffset? observedAt, string trigger, CancellationToken ct, IProgress<CrawlProgress>? progress)
    {
        var o = options.Value;
        var siteId = await sites.EnsureAsync(site, importOnly: false, ct);
        var now = time.GetUtcNow();
        var lease = TimeSpan.FromSeconds(o.LeaseSeconds);
        var run = await runs.FindUnfinishedAsync(siteId, ct);
        var resumed = run is not null;
        if (run is not null)
        {
            if (!await runs.TryLeaseRunAsync(run.Id, Owner, now, now + lease, ct))
            {
                return new CrawlRunResult(run.Id, site.Name, "already-running", false, run.ObservedAt, null, $"Run {run.Id} is leased by {run.LeaseOwner} until {run.LeaseExpiresAt:O}.");
            }
            logger.LogInformation("Resuming crawl run {RunId} of {Site} (observed at {ObservedAt:O})", run.Id, site.Name, run.ObservedAt);
        }
        else
        {
            var id = await runs.CreateAsync(siteId, trigger, observedAt ?? now, Owner, now, now + lease, ct);
            foreach (var start in site.Listing.StartUrls)
            {
                await runs.EnqueueAsync(id, new Uri(site.BaseUri(), start).AbsoluteUri, "listing", 1, ct);
            }
            run = (await runs.GetAsync(id, ct))!;
            logger.LogInformation("Started crawl run {RunId} of {Site}", id, site.Name);
        }

        var fetcher = site.Fetch.Mode == FetchMode.Browser ? (IPageFetcher)browserFetcher : httpFetcher;
        var processor = new RequestProcessor(site, siteId, run, fetcher, new RobotsGate(httpFetcher, o.RobotsProductToken, throttle), runs, captures, time);
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(run.Id, lease, heartbeatStop.Token);
        try
        {
            await CrawlAsync(site, run, processor, lease, progress, ct);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            if (fetcher == browserFetcher)
            {
                // A cancelled run (shutdown, killed job) ends Chromium: no orphans. Otherwise the site's session stays for its next run.
                await (ct.IsCancellationRequested ? browserFetcher.ShutdownAsync() : browserFetcher.EndRunAsync(site));
            }
        }
        return await FinishAsync(site, siteId, run, resumed, ct);
    }

    /// <summary>Keeps the run and in-flight request leases alive while a slow batch (timeouts, Retry-After) is running.</summary>
    private async Task HeartbeatAsync(long runId, TimeSpan lease, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, ct);
                await runs.RenewLeasesAsync(runId, Owner, time.GetUtcNow() + lease, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // run finished or cancelled
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Lease heartbeat of run {RunId} stopped", runId);
        }
    }

    private async Task CrawlAsync(SiteDefinition site, CrawlRun run, RequestProcessor processor, TimeSpan lease, IProgress<CrawlProgress>? progress, CancellationToken ct)
    {
        long done = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var now = time.GetUtcNow();
            var batch = await runs.LeaseRequestsAsync(run.Id, Owner, now, now + lease, options.Value.BatchSize, ct);
            if (batch.Count == 0)
            {
                if (await runs.CountOpenAsync(run.Id, ct) == 0)
                {
                    return;
                }
                // A dead worker's request leases: wait for them to expire, then take them over.
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
                continue;
            }
            var open = await runs.CountOpenAsync(run.Id, ct);
            long inBatch = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, site.Politeness.ConcurrencyPerHost), CancellationToken = ct };
            await Parallel.ForEachAsync(batch, parallel, async (request, token) =>
            {
                RequestOutcome outcome;
                try
                {
                    outcome = await processor.ProcessAsync(request, token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One unusable page is a result, not a crashed run.
                    logger.LogWarning(ex, "Request {RequestId} of {Site} (URL {UrlRef}) failed unexpectedly", request.Id, site.Name, LogRef.Of(request.Url));
                    outcome = new RequestOutcome("failed", null, 0, 0, null, "internal", ex.Message, time.GetUtcNow());
                }
                await runs.CompleteRequestAsync(request.Id, Owner, outcome, token);
                telemetry.CrawlRequest(site.Name, request.Kind, outcome.Outcome ?? outcome.Status, outcome.ErrorKind);
                var total = Interlocked.Increment(ref done);
                var left = open - Interlocked.Increment(ref inBatch);
                progress?.Report(new CrawlProgress(run.Id, total, Math.Max(0, left), request.Url, outcome.Outcome ?? outcome.ErrorKind ?? outcome.Status));
            });
        }
    }

    private async Task<CrawlRunResult> FinishAsync(SiteDefinition site, long siteId, CrawlRun run, bool resumed, CancellationToken ct)
    {
        var tallies = await runs.TallyAsync(run.Id, ct);
        var stats = CrawlRunStats.From(tallies);
        var recent = await runs.RecentHealthyAdCountsAsync(siteId, run.Id, site.Health.MedianWindow, ct);
        var seen = await captures.FieldsSeenInRunAsync(run.Id, ct);
        var declaredEmpty = tallies.Any(t => t.Outcome == "empty");
        // Not one listing page fetched (site down, DNS, TLS, robots.txt unreadable): the run failed; it is not a health question.
        var failure = Unreachable(tallies) ? await runs.FirstListingFailureAsync(run.Id, ct) : null;
        var note = failure is not null ? failure.Describe() : HealthGate.Check(site, stats, recent, seen, declaredEmpty);
        var status = failure is not null ? "failed" : note is null ? "completed" : "suspect";

        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (note is null)
        {
            stats = stats with { AdsGoneMissing = await captures.ApplyMissingAsync(connection, tx, siteId, run.Id, run.ObservedAt, site.Health.GoneAfterRuns, ct) };
        }
        else if (failure is not null)
        {
            logger.LogWarning("Crawl run {RunId} of {Site} failed and removes no ads: {Failure}", run.Id, site.Name, note);
        }
        else
        {
            logger.LogWarning("Crawler health warning for {Site}, run {RunId} is suspect and removes no ads: {Note}", site.Name, run.Id, note);
        }
        await CrawlRunStore.FinishAsync(connection, tx, run.Id, status, time.GetUtcNow(), JsonSerializer.Serialize(stats, Json), note, ct);
        await tx.CommitAsync(ct);
        return new CrawlRunResult(run.Id, site.Name, status, resumed, run.ObservedAt, stats, failure is null ? note : null, failure);
    }

    /// <summary>No listing request succeeded and at least one failed for a reason other than the blocked detector (which is suspect).</summary>
    private static bool Unreachable(IReadOnlyList<RequestTally> tallies)
    {
        var listings = tallies.Where(t => t.Kind == "listing").ToList();
        return !listings.Any(t => t.Status == "done")
               && listings.Any(t => t.Status == "failed")
               && !listings.Any(t => t.ErrorKind == "blocked");
    }
}
